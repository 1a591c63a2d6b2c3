using System.Security.Authentication;
using Tessera.Tls.Native;

namespace Tessera.Tls;

/// <summary>A TLS handshake OpenSSL ended (the peer was sent an alert where TLS has one).</summary>
public sealed class TlsHandshakeException : AuthenticationException
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

    public bool PeerSentNoCertificate => Reason == LibSsl.ReasonPeerDidNotReturnCertificate;
}
