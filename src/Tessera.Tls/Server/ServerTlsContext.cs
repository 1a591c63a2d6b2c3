using System.Runtime.InteropServices;
using System.Security.Authentication;
using Tessera.Security.Files;
using Tessera.Tls.Native;

namespace Tessera.Tls.Server;

/// <summary>How the server asks for client certificates.</summary>
public enum ClientCertificateMode
{
    /// <summary>No tlsCAFile: no certificate is requested (mongod does the same).</summary>
    NotRequested,

    /// <summary>Requested and judged when sent; a client without one is admitted (tlsAllowConnectionsWithoutCertificates).</summary>
    Optional,

    /// <summary>Requested and required: a client without one gets OpenSSL's certificate_required alert.</summary>
    Required,
}

/// <summary>
/// The server's OpenSSL context (SSL_CTX), built once at start-up: its certificate, chain and key, the protocols
/// left on, the certificate callback that hands each client certificate to the connection's
/// <see cref="IPeerCertificateJudge"/> during the handshake, and, when given a source, the OCSP response it staples.
/// Sessions are cached in the server's memory only (no stateless tickets): OpenSSL caches a session only after a
/// handshake whose certificate was admitted, and a resumed session keeps the peer's certificate and chain, so the
/// connection can judge them again.
/// </summary>
public sealed unsafe class ServerTlsContext : IDisposable
{
    private readonly SslContextHandle _context;
    private GCHandle _staples;

    /// <param name="certificate">The server's certificate, chain and key (tlsCertificateKeyFile).</param>
    /// <param name="enabledProtocols">The protocols left on (tlsDisabledProtocols).</param>
    /// <param name="clientCertificates">Whether client certificates are requested and required.</param>
    /// <param name="staples">Where the OCSP response to staple comes from; null to staple nothing (ocspEnabled=false).</param>
    public ServerTlsContext(CertificateKeyFile certificate, SslProtocols enabledProtocols, ClientCertificateMode clientCertificates, IStapledResponseSource? staples = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        OpenSslErrorQueue.Clear();
        _context = LibSsl.SSL_CTX_new(LibSsl.TLS_server_method());
        if (_context.IsInvalid)
        {
            throw OpenSslErrorQueue.Failure("SSL_CTX_new");
        }

        try
        {
            NativeCertificates.Install(_context, certificate);
            LibSsl.SSL_CTX_set_options(_context, ProtocolOptions(enabledProtocols)
                | LibSsl.OptionNoRenegotiation | LibSsl.OptionNoTicket | LibSsl.OptionCipherServerPreference);
            var sessionContext = "tessera"u8;
            fixed (byte* id = sessionContext)
            {
                // Required with client certificates: OpenSSL refuses to resume a session without a session id context.
                LibSsl.SSL_CTX_set_session_id_context(_context, id, (uint)sessionContext.Length);
            }

            PeerVerification.Install(_context, clientCertificates switch
            {
                ClientCertificateMode.Required => LibSsl.VerifyPeer | LibSsl.VerifyFailIfNoPeerCertificate,
                ClientCertificateMode.Optional => LibSsl.VerifyPeer,
                _ => LibSsl.VerifyNone,
            });
            if (staples is not null)
            {
                _staples = GCHandle.Alloc(staples);
                OcspStaples.ServeFrom(_context, _staples);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The server side of a new connection over <paramref name="transport"/>; run its handshake next.</summary>
    public TlsStream Accept(Stream transport, IPeerCertificateJudge judge)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(judge);
        return new TlsStream(transport, judge, handle =>
        {
            var ssl = PeerVerification.NewConnection(_context, handle);
            LibSsl.SSL_set_accept_state(ssl);
            return ssl;
        });
    }

    public void Dispose()
    {
        _context.Dispose();
        if (_staples.IsAllocated)
        {
            _staples.Free();
        }
    }

    private static ulong ProtocolOptions(SslProtocols enabled)
    {
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are named only to honour an operator's tlsDisabledProtocols=none.
        var options = LibSsl.OptionNoSsl3;
        options |= (enabled & SslProtocols.Tls) == 0 ? LibSsl.OptionNoTls1 : 0;
        options |= (enabled & SslProtocols.Tls11) == 0 ? LibSsl.OptionNoTls1_1 : 0;
#pragma warning restore SYSLIB0039
        options |= (enabled & SslProtocols.Tls12) == 0 ? LibSsl.OptionNoTls1_2 : 0;
        options |= (enabled & SslProtocols.Tls13) == 0 ? LibSsl.OptionNoTls1_3 : 0;
        return options;
    }
}
