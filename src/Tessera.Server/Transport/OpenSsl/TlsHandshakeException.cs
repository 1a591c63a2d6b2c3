using System.Security.Authentication;

namespace Tessera.Server.Transport.OpenSsl;

/// <summary>A TLS handshake OpenSSL ended (the client was sent an alert where TLS has one).</summary>
internal sealed class TlsHandshakeException : AuthenticationException
{
    public TlsHandshakeException(string message, ulong reason)
        : base(message)
    {
        Reason = reason;
    }

    public TlsHandshakeException()
    {
    }

    public TlsHandshakeException(string message)
        : base(message)
    {
    }

    public TlsHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>OpenSSL's reason code of the first error (SSL_R_*), e.g. peer did not return a certificate.</summary>
    public ulong Reason { get; }

    public bool ClientSentNoCertificate => Reason == LibSsl.ReasonPeerDidNotReturnCertificate;
}
