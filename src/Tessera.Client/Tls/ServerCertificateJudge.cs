using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Security.Tls;
using Tessera.Tls.Client;

namespace Tessera.Client.Tls;

/// <summary>
/// The client's verdict on one server, made inside the TLS handshake: the certificate in OpenSSL's certificate callback
/// (a refusal reaches the server as the alert that names it), then the stapled OCSP response in the status callback
/// (a refusal is OpenSSL's "invalid status response"), and, after the handshake, the OCSP responders when the server
/// stapled nothing (<see cref="CompleteAsync"/>): network I/O that must not run inside OpenSSL.
/// </summary>
public sealed class ServerCertificateJudge : IServerCertificateJudge
{
    private readonly ServerCertificateCheck _check;
    private readonly IReadOnlyList<string> _hosts;
    private bool _respondersPending;

    public ServerCertificateJudge(ServerCertificateCheck check, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(hosts);
        _check = check;
        _hosts = hosts;
    }

    /// <summary>Whether to ask the server for a stapled response: whenever OCSP is on.</summary>
    public bool RequestsStaple => _check.Ocsp is not null;

    /// <summary>What was concluded so far; null before the server's certificate arrived.</summary>
    public ServerCertificateReport? Report { get; private set; }

    public PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain)
    {
        Report = _check.Evaluate(_hosts, certificate, presentedChain);
        return Report.Failure is { } failure ? AlertFor(failure.Kind) : PeerFailure.None;
    }

    public bool AcceptStatus(byte[]? stapledResponse)
    {
        if (Report is not { Accepted: true } report || _check.Ocsp is null)
        {
            return Report is { Accepted: true };
        }

        var verdict = _check.Ocsp.Stapled(report.Presented[0], report.Issuer, stapledResponse);
        if (verdict is null)
        {
            _respondersPending = true;
            return true;
        }

        Report = report with { Ocsp = verdict };
        return verdict.Status != CheckStatus.Failed;
    }

    /// <summary>
    /// After a completed handshake: asks the OCSP responders when the staple left the question open, and gives the
    /// final report (null when the server sent no certificate, which must then be refused).
    /// </summary>
    public async Task<ServerCertificateReport?> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_respondersPending && Report is { Issuer: { } issuer } report && _check.Ocsp is { } ocsp)
        {
            _respondersPending = false;
            Report = report with { Ocsp = await ocsp.FromRespondersAsync(report.Presented[0], issuer, cancellationToken).ConfigureAwait(false) };
        }

        return Report;
    }

    // The alert the server is sent: the closest TLS has for each failure (RFC 8446 §6.2).
    private static PeerFailure AlertFor(ConnectionFailureKind kind) => kind switch
    {
        ConnectionFailureKind.UnknownIssuer => PeerFailure.UnknownIssuer,
        ConnectionFailureKind.CertificateExpired => PeerFailure.Expired,
        ConnectionFailureKind.CertificateRevoked => PeerFailure.Revoked,
        ConnectionFailureKind.RevocationCheckFailed => PeerFailure.RevocationListUnavailable,
        _ => PeerFailure.Other, // bad_certificate: not yet valid, wrong purpose, wrong host name
    };
}
