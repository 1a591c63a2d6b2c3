using System.Globalization;
using Tessera.Security.Ocsp;
using Tessera.Server.Logging;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// What stapling writes to the log, with mongod's ids (ssl_manager_openssl.cpp) so that operators' tooling keeps
/// working: 577164 fetch started, 577163 the response (an error when it says revoked), 23233 a failed fetch,
/// 6144500 no nextUpdate, 4633601 the held response expired, 4780400 a slow responder, 5512202 no stapling at all.
/// </summary>
internal sealed class StaplingLog
{
    /// <summary>mongod's name for the periodic job that fetches and staples.</summary>
    private const string Context = "OCSP Fetch and Staple";

    private readonly ServerLog _log;

    public StaplingLog(ServerLog log) => _log = log;

    public void Started(IReadOnlyList<Uri> responders) =>
        _log.Info(LogComponents.Network, 577164, Context, "OCSP fetch/staple started", ("responders", Urls(responders)));

    public void Fetched(OcspVerifiedResponse response, Uri responder, TimeSpan refreshIn)
    {
        if (response.Status == OcspCertificateStatus.Revoked)
        {
            // Stapled all the same: it is the truth, and the client decides. The operator must act, so it is an error each time.
            _log.Error(LogComponents.Network, 577163, Context, "OCSP response",
                ("status", "revoked"), ("responder", responder.AbsoluteUri), ("revocationTime", Time(response.RevocationTime)),
                ("revocationReason", response.RevocationReason?.ToString()), ("nextUpdate", Time(response.NextUpdate)),
                ("refreshInSecs", Seconds(refreshIn)),
                ("fix", "The server's certificate is revoked and clients that check OCSP will refuse it: issue a new certificate for this server (tlsCertificateKeyFile) and restart."));
            return;
        }

        _log.Info(LogComponents.Network, 577163, Context, "OCSP response",
            ("status", "good"), ("responder", responder.AbsoluteUri), ("thisUpdate", Time(response.ThisUpdate)),
            ("nextUpdate", Time(response.NextUpdate)), ("refreshInSecs", Seconds(refreshIn)));
    }

    public void Failed(string reason, TimeSpan retryIn, bool stillStapling) =>
        _log.Warning(LogComponents.Network, 23233, Context, "Could not staple OCSP response to outgoing certificate.",
            ("reason", reason), ("retryInSecs", Seconds(retryIn)), ("stillStaplingPreviousResponse", stillStapling));

    public void NoNextUpdate(Uri responder) =>
        _log.Warning(LogComponents.Network, 6144500, Context,
            "Server will not staple the OCSP response because it is missing a nextUpdate time.", ("responder", responder.AbsoluteUri));

    public void Expiring(DateTimeOffset? nextUpdate) =>
        _log.Warning(LogComponents.Network, 4633601, Context, "Server will remove and not staple the expiring OCSP Response.",
            ("nextUpdate", Time(nextUpdate)));

    public void Slow(Uri responder, TimeSpan duration) =>
        _log.Warning(LogComponents.Network, 4780400, Context, "OCSP responder was slow to respond",
            ("responder", responder.AbsoluteUri), ("durationMillis", (long)duration.TotalMilliseconds));

    /// <summary>Stapling cannot even start (no issuer): a start-up warning, so getLog's startupWarnings shows it.</summary>
    public void Unable(string reason) =>
        _log.StartupWarning(LogComponents.Network, 5512202, "Server was unable to staple OCSP Response", ("reason", reason));

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);

    private static string[] Urls(IReadOnlyList<Uri> responders) => [.. responders.Select(r => r.AbsoluteUri)];
}
