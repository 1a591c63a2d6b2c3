using Tessera.Security.Ocsp;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// When to fetch again after a response was stapled, by mongod's rule (<c>OCSPFetchResponse::fetchNewResponseDuration</c>):
/// halfway to nextUpdate, or every ocspStaplingRefreshPeriodSecs when that period still leaves a minute and a responder
/// timeout before nextUpdate, so a long period can never leave the server without a current response.
/// </summary>
internal static class RefreshSchedule
{
    /// <summary>What must remain before nextUpdate, beside the responder timeout, for the configured period to be used.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>Never sooner than this: a response about to expire must not make the loop spin.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Never later than this, where mongod has no bound: a revocation is noticed within a day even when responses
    /// live for months (and a timer cannot wait more than 49 days).
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);

    public static TimeSpan After(OcspVerifiedResponse response, DateTimeOffset now, StaplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(settings);
        var left = (response.NextUpdate ?? now) - now;
        var wait = settings.RefreshPeriod is { } period && period < left - (Margin + settings.ResponderTimeout)
            ? period
            : left / 2;
        return wait < Minimum ? Minimum : wait > Maximum ? Maximum : wait;
    }

    /// <summary>After a failure: the backoff, but no longer than the configured refresh period, which the operator asked for.</summary>
    public static TimeSpan AfterFailure(RetryBackoff backoff, StaplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(settings);
        var wait = backoff.Next();
        return settings.RefreshPeriod is { } period && period < wait ? period : wait;
    }
}
