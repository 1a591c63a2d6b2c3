using System.Net;
using System.Security.Authentication;
using MongoDB.Driver.Core.Connections;
using Tessera.Client.Tls;
using Tessera.Tls;
using Tessera.Tls.Client;

namespace Tessera.Client.Driver;

/// <summary>
/// Wraps each TCP stream MongoDB.Driver opens in Tessera's TLS: the server's certificate and stapled OCSP response are
/// judged inside the handshake by the client's <see cref="ServerCertificateCheck"/>, then the OCSP responders asked
/// when nothing was stapled. A refusal is an <see cref="AuthenticationException"/> whose message (cause and fix) the
/// driver keeps in its server-selection error, where the user reads it.
/// </summary>
internal sealed class TlsStreamFactory : IStreamFactory
{
    private readonly IStreamFactory _tcp;
    private readonly ServerCertificateCheck _check;
    private readonly ClientTlsContext _context;
    private readonly TimeSpan _timeout;

    public TlsStreamFactory(IStreamFactory tcp, ServerCertificateCheck check, ClientTlsContext context, TimeSpan timeout)
    {
        _tcp = tcp;
        _check = check;
        _context = context;
        _timeout = timeout;
    }

    public Stream CreateStream(EndPoint endPoint, CancellationToken cancellationToken) =>
        CreateStreamAsync(endPoint, cancellationToken).GetAwaiter().GetResult();

    public async Task<Stream> CreateStreamAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var network = await _tcp.CreateStreamAsync(endPoint, cancellationToken).ConfigureAwait(false);
        var host = endPoint switch
        {
            DnsEndPoint dns => dns.Host,
            IPEndPoint ip => ip.Address.ToString(),
            _ => endPoint.ToString() ?? string.Empty,
        };
        var judge = new ServerCertificateJudge(_check, [host]);
        var tls = _context.Connect(network, host, judge, judge.RequestsStaple);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            await tls.HandshakeAsync(deadline.Token).ConfigureAwait(false);
            var report = await judge.CompleteAsync(deadline.Token).ConfigureAwait(false);
            return report is { Accepted: true } ? tls : throw Refused(report, null);
        }
        catch (TlsHandshakeException e) when (judge.Report is { Failure: not null })
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw Refused(judge.Report, e);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static AuthenticationException Refused(ServerCertificateReport? report, Exception? cause) => new(
        "Tessera.Client refused the server's TLS certificate: "
        + (report?.Failure?.Describe() ?? "the server sent no certificate; fix: connect to the server's TLS port") + ".",
        cause);
}
