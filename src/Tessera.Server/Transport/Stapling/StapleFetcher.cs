using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Ocsp;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// One fetch: asks the certificate's responders in the certificate's order and takes the first verified answer that
/// says good or revoked. An "unknown" answer is inconclusive, so the next responder is asked. Slow responders are
/// logged whatever they answered.
/// </summary>
internal sealed class StapleFetcher
{
    private readonly OcspClient _client;
    private readonly X509Certificate2 _certificate;
    private readonly X509Certificate2 _issuer;
    private readonly IReadOnlyList<Uri> _responders;
    private readonly TimeSpan _slowWarning;
    private readonly StaplingLog _log;

    public StapleFetcher(OcspClient client, X509Certificate2 certificate, X509Certificate2 issuer, IReadOnlyList<Uri> responders, TimeSpan slowWarning, StaplingLog log)
    {
        _client = client;
        _certificate = certificate;
        _issuer = issuer;
        _responders = responders;
        _slowWarning = slowWarning;
        _log = log;
    }

    /// <summary>The conclusive answer and who gave it, or why there is none (each responder's reason).</summary>
    public async Task<(OcspVerifiedResponse? Response, Uri? Responder, string? Failure)> FetchAsync(CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var responder in _responders)
        {
            var clock = Stopwatch.StartNew();
            var result = await _client.QueryAsync(responder, _certificate, _issuer, cancellationToken).ConfigureAwait(false);
            if (clock.Elapsed > _slowWarning)
            {
                _log.Slow(responder, clock.Elapsed);
            }

            switch (result.Response)
            {
                case { Status: OcspCertificateStatus.Good or OcspCertificateStatus.Revoked } response:
                    return (response, responder, null);
                case { Status: OcspCertificateStatus.Unknown }:
                    reasons.Add($"The OCSP responder {responder} does not know the server's certificate (status unknown); check that it serves the CA that issued tlsCertificateKeyFile.");
                    break;
                default:
                    reasons.Add(result.FailureMessage ?? $"The OCSP responder {responder} gave no answer.");
                    break;
            }
        }

        return (null, null, string.Join(" ", reasons));
    }
}
