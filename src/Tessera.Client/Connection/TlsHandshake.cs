using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Tls;
using Tessera.Security.Files;
using Tessera.Tls;
using Tessera.Tls.Client;

namespace Tessera.Client.Connection;

/// <summary>
/// The TLS handshake of one connection, on OpenSSL (<see cref="ClientTlsContext"/>): TLS 1.2 or 1.3, the client
/// certificate with its intermediates, the server's certificate and stapled OCSP response judged inside the handshake
/// by a <see cref="ServerCertificateJudge"/>, then the OCSP responders when nothing was stapled. A refused handshake is
/// turned into the failure class of MongoDB's TLS troubleshooting guide it belongs to.
/// </summary>
internal sealed class TlsHandshake
{
    private readonly ServerAddress _server;
    private readonly TlsSettings _tls;
    private readonly ServerCertificateCheck _check;
    private readonly CertificateKeyFile? _clientCertificate;
    private ServerCertificateReport? _report;

    public TlsHandshake(ServerAddress server, TlsSettings tls, ServerCertificateCheck check, CertificateKeyFile? clientCertificate)
    {
        _server = server;
        _tls = tls;
        _check = check;
        _clientCertificate = clientCertificate;
    }

    public async Task<TlsStream> RunAsync(Stream network, TimeSpan timeout, IConnectionObserver observer, CancellationToken cancellationToken)
    {
        var host = _server.Host.Trim('[', ']');
        var judge = new ServerCertificateJudge(_check, [host]);
        using var context = new ClientTlsContext(_clientCertificate);
        var stream = context.Connect(network, host, judge, judge.RequestsStaple);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await stream.HandshakeAsync(deadline.Token).ConfigureAwait(false);
            _report = await judge.CompleteAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _report = judge.Report;
            await stream.DisposeAsync().ConfigureAwait(false);
            // When our checks passed and the handshake still failed, the server ended it: only the certificates are shown.
            Report(observer, null, checks: _report?.Failure is not null);
            throw new ConnectionFailedException(_server.ToString(), Classify(e, timeout), e);
        }

        if (_report is not { Accepted: true })
        {
            // Refused after the handshake (the OCSP responders said revoked), or no certificate at all: fail closed.
            await stream.DisposeAsync().ConfigureAwait(false);
            Report(observer, null, checks: true);
            throw new ConnectionFailedException(_server.ToString(), _report?.Failure ?? new TlsFailureExplanations(_tls, TimeProvider.System).NoCertificate());
        }

        Report(observer, $"{Describe(stream.Protocol)}, {stream.CipherName()}; ", checks: true);
        return stream;
    }

    /// <summary>
    /// Who to blame when the server ends the connection right after the handshake: under TLS 1.3 a refused client
    /// certificate shows here, with the server's alert in <paramref name="cause"/> when it sent one.
    /// </summary>
    public ConnectionFailure ClosedAfterHandshake(ConnectionStep step, Exception? cause = null) =>
        (cause is null ? null : ClientCertificateRefusal.FromReasons(Reasons(cause), ClientCertificateName, _tls.CertificateKeyFile, step))
        ?? ClosedWithoutAlert(step);

    private string? ClientCertificateName => _clientCertificate is null ? null : Name(_clientCertificate.Certificate);

    private ConnectionFailure ClosedWithoutAlert(ConnectionStep step) => _clientCertificate is not null
        ? new(ConnectionFailureKind.ClientCertificateRejected, step,
            $"the server closed the connection right after the TLS handshake: this is how mongod refuses a client certificate, here '{Name(_clientCertificate.Certificate)}' from tlsCertificateKeyFile={_tls.CertificateKeyFile}",
            "read the server's log for the reason (mongod log ids 23256 and 23255: unknown issuer, expired, revoked, wrong extendedKeyUsage); the server's tlsCAFile must hold the CA that issued this certificate; check it with: tessera certs lint FILE --as client --ca CA.pem")
        : new(ConnectionFailureKind.ConnectionClosed, step,
            "the server closed the connection right after the TLS handshake, without answering",
            "the server probably requires a client certificate: give one with tlsCertificateKeyFile=/path/to/client.pem; its log says why it closed the connection");

    /// <summary>The server's certificates, then each check up to the first that failed (which the exception reports).</summary>
    private void Report(IConnectionObserver observer, string? session, bool checks)
    {
        if (_report is null)
        {
            return;
        }

        observer.ServerCertificatePresented(_report);
        if (!checks)
        {
            return;
        }

        var results = new[]
        {
            (ConnectionStep.TlsHandshake, _report.Trust), (ConnectionStep.HostName, _report.HostName),
            (ConnectionStep.Revocation, _report.Revocation), (ConnectionStep.Ocsp, _report.Ocsp),
        };
        foreach (var (step, result) in results)
        {
            // A completed handshake passed even when its certificate was not verified: the detail says so.
            if (step == ConnectionStep.TlsHandshake && session is not null && result.Status == CheckStatus.Skipped)
            {
                observer.StepPassed(step, $"{session}certificate not verified: {result.Detail}");
                continue;
            }

            var detail = step == ConnectionStep.TlsHandshake ? session + result.Detail : result.Detail;
            switch (result.Status)
            {
                case CheckStatus.Passed:
                    observer.StepPassed(step, detail);
                    break;
                case CheckStatus.Skipped:
                    observer.StepSkipped(step, detail);
                    break;
                default:
                    return;
            }
        }
    }

    private ConnectionFailure Classify(Exception error, TimeSpan timeout)
    {
        if (_report?.Failure is { } refused)
        {
            return refused;
        }

        if (error is OperationCanceledException)
        {
            return new(ConnectionFailureKind.Timeout, ConnectionStep.TlsHandshake,
                $"the TLS handshake did not finish within connectTimeoutMS={(long)timeout.TotalMilliseconds}",
                "check that the port is the server's TLS port (not a plain-text or HTTP service), or raise connectTimeoutMS");
        }

        var reasons = Reasons(error);
        if (ProtocolVersionWords.Any(word => reasons.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return new(ConnectionFailureKind.ProtocolVersion, ConnectionStep.TlsHandshake,
                $"protocol version: the server and Tessera.Client share no TLS version; Tessera.Client speaks TLS 1.2 and 1.3 only ({reasons})",
                ProtocolFix);
        }

        // The server refused our certificate with an alert that says why (Tessera does, inside the handshake).
        if (ClientCertificateRefusal.FromReasons(reasons, ClientCertificateName, _tls.CertificateKeyFile, ConnectionStep.TlsHandshake) is { } refusal)
        {
            return refusal;
        }

        // What an old or misconfigured server answers a TLS 1.2+ ClientHello with when OpenSSL has no version (or cipher)
        // left for it: PyMongo shows the same "sslv3 alert handshake failure" against servers without TLS 1.2.
        if (_report is null && reasons.Contains("alert handshake failure", StringComparison.OrdinalIgnoreCase))
        {
            return new(ConnectionFailureKind.ProtocolVersion, ConnectionStep.TlsHandshake,
                $"the server refused the handshake before sending its certificate, most often because it has no TLS version (or cipher) in common with Tessera.Client, which speaks TLS 1.2 and 1.3 only ({reasons})",
                ProtocolFix);
        }

        if (_report is { Accepted: true })
        {
            // The server's certificate was fine; what the server did next was refuse ours (TLS 1.2 judges it inside the handshake).
            return ClosedAfterHandshake(ConnectionStep.TlsHandshake);
        }

        // No certificate came back: the other side is not speaking TLS. A server without TLS either answers with bytes
        // that are not TLS (OpenSSL: "wrong version number") or, as mongod and Tessera do, closes the connection.
        if (_report is null && (reasons.Contains("wrong version number", StringComparison.OrdinalIgnoreCase) || error is IOException || error.InnerException is IOException))
        {
            return new(ConnectionFailureKind.HandshakeFailed, ConnectionStep.TlsHandshake,
                $"the server closed the connection or answered without TLS before sending a certificate: it most likely does not use TLS on this port ({reasons})",
                "if the server runs without TLS, remove tls=true and the tls* options from the URI; otherwise start it with --tlsMode requireTLS (or preferTLS), and check the port");
        }

        return new(ConnectionFailureKind.HandshakeFailed, ConnectionStep.TlsHandshake,
            $"the TLS handshake failed: {reasons}",
            "check that the port is the server's TLS port and read the server's log for its side of the handshake");
    }

    private const string ProtocolFix =
        "enable TLS 1.2 or 1.3 on the server (mongod's net.tls.disabledProtocols must not list both TLS1_2 and TLS1_3), or upgrade an old server";

    private static readonly string[] ProtocolVersionWords =
        ["protocol version", "unsupported protocol", "no protocols available", "version too low", "tlsv1 alert protocol"];

    /// <summary>Every message down the chain of inner exceptions: OpenSSL's reason is the innermost.</summary>
    private static string Reasons(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message.TrimEnd('.'));
        }

        return string.Join(": ", messages.Distinct());
    }

    private static string Describe(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        _ => protocol.ToString(),
    };

    private static string Name(X509Certificate2 certificate) => Tessera.Security.Names.X509Name.Describe(certificate.SubjectName);
}
