using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;
using Tessera.Security.Names;
using Tessera.Security.Ocsp;

namespace Tessera.Client.Tls;

/// <summary>
/// OCSP for the server's certificate, one per client: its cache serves all the client's connections (PyMongo keeps one
/// per MongoClient). The rules are PyMongo's (client-behavior.md §3.5) within the OCSP spec's (§4.2):
/// <list type="number">
/// <item>Inside the handshake (<see cref="Stapled"/>): a stapled response must be valid for the certificate and is then
/// the answer (revoked fails; good and unknown pass); a Must-Staple certificate without a staple fails.</item>
/// <item>Without a staple, after the handshake (<see cref="FromRespondersAsync"/>), unless tlsDisableOCSPEndpointCheck:
/// the responders of the certificate's AIA one after another (cache first), the first good or revoked answer decides;
/// when none answers conclusively the connection goes on (soft fail).</item>
/// </list>
/// Conclusive answers are cached until their nextUpdate. Intermediates are never checked (spec step 8).
/// </summary>
public sealed class OcspCheck
{
    // One for the process: OcspClient applies its own deadline per request.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly bool _endpointCheck;
    private readonly OcspResponseVerifier _verifier;
    private readonly OcspResponseCache _cache;
    private readonly OcspClient _client;
    private readonly TimeProvider _time;

    /// <param name="endpointCheck">False for tlsDisableOCSPEndpointCheck: stapled responses only.</param>
    /// <param name="time">The clock responses are judged by.</param>
    /// <param name="timeout">Per responder; the OCSP spec's 5 seconds when null.</param>
    public OcspCheck(bool endpointCheck, TimeProvider? time = null, TimeSpan? timeout = null)
    {
        _endpointCheck = endpointCheck;
        _time = time ?? TimeProvider.System;
        _verifier = new OcspResponseVerifier(_time); // no tolerance after nextUpdate (the spec); some skew before thisUpdate
        _cache = new OcspResponseCache(_time);
        _client = new OcspClient(Http, _verifier, _cache, timeout);
    }

    /// <summary>
    /// The verdict the staple (or its absence) gives, inside the handshake. Null when the responders must be asked
    /// (<see cref="FromRespondersAsync"/>).
    /// </summary>
    /// <param name="leaf">The server's certificate, already validated.</param>
    /// <param name="issuer">Its issuer in the validated chain; null when the chain has none (a self-issued certificate).</param>
    /// <param name="staple">The DER response the server stapled; null when none.</param>
    public CertificateCheckResult? Stapled(X509Certificate2 leaf, X509Certificate2? issuer, byte[]? staple)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (staple is null)
        {
            if (OcspCertificateInfo.IsMustStaple(leaf))
            {
                return CertificateCheckResult.Failed(new(ConnectionFailureKind.OcspStapleMissing, ConnectionStep.Ocsp,
                    $"OCSP: the server's certificate {Name(leaf)} is Must-Staple (TLS feature status_request), but the server stapled no OCSP response",
                    "the server must staple: turn OCSP stapling on (mongod and tessera serve: setParameter ocspEnabled=true, the default) and let it reach the OCSP responder its certificate names"
                    + Responders(leaf) + "; or give the server a certificate without Must-Staple"));
            }

            if (!_endpointCheck)
            {
                return CertificateCheckResult.Skipped("no stapled response, and tlsDisableOCSPEndpointCheck=true: the responder is not asked (soft fail)");
            }

            if (OcspCertificateInfo.ResponderUrls(leaf).Count == 0)
            {
                return CertificateCheckResult.Skipped("no stapled response, and the certificate names no OCSP responder (soft fail)");
            }

            return issuer is null ? IssuerMissing(leaf) : null;
        }

        if (issuer is null)
        {
            return IssuerMissing(leaf);
        }

        OcspVerifiedResponse response;
        try
        {
            response = _verifier.Verify(staple, leaf, issuer);
        }
        catch (OcspVerificationException e)
        {
            return CertificateCheckResult.Failed(new(ConnectionFailureKind.OcspResponseInvalid, ConnectionStep.Ocsp,
                $"OCSP: the response the server stapled for its certificate {Name(leaf)} is invalid ({e.Failure}): {e.Message}",
                "the server's operator must fix its OCSP stapling: the response must be for this certificate, current (check the server's and the responder's clocks), and signed by the issuer or an OCSP responder certificate the issuer delegated (extendedKeyUsage OCSPSigning)"));
        }

        _cache.Store(response);
        return Verdict(leaf, response, "the OCSP response the server stapled");
    }

    /// <summary>Asks the responders the certificate names, one after another; soft-fails when none answers conclusively.</summary>
    public async Task<CertificateCheckResult> FromRespondersAsync(X509Certificate2 leaf, X509Certificate2 issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(issuer);
        var failures = new List<string>();
        foreach (var responder in OcspCertificateInfo.ResponderUrls(leaf))
        {
            var result = await _client.QueryAsync(responder, leaf, issuer, cancellationToken).ConfigureAwait(false);
            if (result.Response is { Status: not OcspCertificateStatus.Unknown } answer)
            {
                return Verdict(leaf, answer, $"the OCSP responder {responder}");
            }

            failures.Add(result.FailureMessage ?? $"The OCSP responder {responder} does not know the certificate (status unknown).");
        }

        return CertificateCheckResult.Skipped(
            $"no stapled response and no conclusive answer from the OCSP responder: {string.Join(" ", failures)} The connection goes on (the OCSP spec's soft fail)");
    }

    private static CertificateCheckResult Verdict(X509Certificate2 leaf, OcspVerifiedResponse response, string source)
    {
        var validity = response.NextUpdate is { } next
            ? $"thisUpdate {Time(response.ThisUpdate)}, nextUpdate {Time(next)}"
            : $"thisUpdate {Time(response.ThisUpdate)}";
        return response.Status switch
        {
            OcspCertificateStatus.Revoked => CertificateCheckResult.Failed(new(ConnectionFailureKind.OcspRevoked, ConnectionStep.Ocsp,
                $"OCSP: the server's certificate {Name(leaf)} (serial {leaf.SerialNumber}) is revoked"
                + (response.RevocationTime is { } at ? $" since {Time(at)}" : string.Empty)
                + (response.RevocationReason is { } reason ? $" ({reason})" : string.Empty)
                + $", says {source} ({validity})",
                "the server's operator must replace the revoked certificate (e.g. tessera certs issue server …) and restart the server; do not connect to a server whose certificate is revoked")),
            OcspCertificateStatus.Good => CertificateCheckResult.Passed($"good, says {source} ({validity})"),
            _ => CertificateCheckResult.Passed($"unknown to {source} ({validity}); accepted, as PyMongo accepts a stapled unknown"),
        };
    }

    private static CertificateCheckResult IssuerMissing(X509Certificate2 leaf) =>
        CertificateCheckResult.Failed(new(ConnectionFailureKind.OcspResponseInvalid, ConnectionStep.Ocsp,
            $"OCSP: the issuer of the server's certificate {Name(leaf)} is not in its verified chain, so its OCSP status cannot be checked",
            "the server must send its intermediate certificates (after the leaf in its tlsCertificateKeyFile), or add the issuing CA to tlsCAFile"));

    private static string Responders(X509Certificate2 leaf) =>
        OcspCertificateInfo.ResponderUrls(leaf) is { Count: > 0 } urls ? $" ({string.Join(", ", urls)})" : string.Empty;

    private static string Name(X509Certificate2 certificate) => $"'{X509Name.Describe(certificate.SubjectName)}'";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
