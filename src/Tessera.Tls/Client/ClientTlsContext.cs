using System.Net;
using System.Runtime.InteropServices;
using Tessera.Security.Files;
using Tessera.Tls.Native;

namespace Tessera.Tls.Client;

/// <summary>
/// A client's OpenSSL context (SSL_CTX): TLS 1.2 or 1.3, the client certificate with its intermediates when there is
/// one, the server's certificate judged by the connection's <see cref="IServerCertificateJudge"/> inside the handshake
/// (a refusal is sent to the server as the alert that names it), and the OCSP response the server stapled shown to the
/// same judge. Sessions are not resumed: every connection sees the server's certificate and staple afresh.
/// </summary>
public sealed class ClientTlsContext : IDisposable
{
    private const int Tls1_2 = 0x0303;

    private readonly SslContextHandle _context;

    /// <param name="certificate">The client certificate (tlsCertificateKeyFile), or null to present none.</param>
    public ClientTlsContext(CertificateKeyFile? certificate)
    {
        OpenSslErrorQueue.Clear();
        _context = LibSsl.SSL_CTX_new(LibSsl.TLS_client_method());
        if (_context.IsInvalid)
        {
            throw OpenSslErrorQueue.Failure("SSL_CTX_new");
        }

        try
        {
            if (certificate is not null)
            {
                NativeCertificates.Install(_context, certificate);
            }

            OpenSslErrorQueue.Check((int)LibSsl.SSL_CTX_ctrl(_context, LibSsl.ControlSetMinimumProtocol, Tls1_2, IntPtr.Zero), "SSL_CTX_set_min_proto_version");
            LibSsl.SSL_CTX_set_options(_context, LibSsl.OptionNoRenegotiation | LibSsl.OptionNoTicket);
            PeerVerification.Install(_context, LibSsl.VerifyPeer);
            OcspStaples.CheckReceived(_context);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    /// <summary>The client side of a new connection over <paramref name="transport"/>; run its handshake next.</summary>
    /// <param name="transport">The connected network stream; the TLS stream owns it from now on.</param>
    /// <param name="host">The server's host name, sent as SNI unless it is an IP address (RFC 6066).</param>
    /// <param name="judge">Judges the server's certificate and staple inside the handshake.</param>
    /// <param name="requestStaple">Whether to ask for a stapled OCSP response (then <see cref="IServerCertificateJudge.AcceptStatus"/> is asked).</param>
    public TlsStream Connect(Stream transport, string host, IServerCertificateJudge judge, bool requestStaple)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(judge);
        return new TlsStream(transport, judge, handle =>
        {
            var ssl = PeerVerification.NewConnection(_context, handle);
            LibSsl.SSL_set_connect_state(ssl);
            if (!IPAddress.TryParse(host, out _))
            {
                var name = Marshal.StringToCoTaskMemUTF8(host);
                try
                {
                    LibSsl.SSL_ctrl(ssl, LibSsl.ControlSetHostName, LibSsl.HostNameType, name); // OpenSSL keeps a copy
                }
                finally
                {
                    Marshal.FreeCoTaskMem(name);
                }
            }

            if (requestStaple)
            {
                OcspStaples.Request(ssl);
            }

            return ssl;
        });
    }

    public void Dispose() => _context.Dispose();
}
