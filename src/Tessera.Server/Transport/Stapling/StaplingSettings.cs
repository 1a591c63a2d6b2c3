namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// How the server staples an OCSP response for its own certificate, from mongod's parameters: <c>ocspEnabled</c>,
/// <c>tlsOCSPStaplingTimeoutSecs</c> (else <c>tlsOCSPVerifyTimeoutSecs</c>), <c>ocspStaplingRefreshPeriodSecs</c> and
/// <c>tlsOCSPSlowResponderWarningSecs</c>; plus the retry backoff after a failed fetch, which mongod does not expose.
/// </summary>
public sealed record StaplingSettings
{
    /// <summary>ocspEnabled: false means no stapler at all and no request to any responder.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>For one whole exchange with one responder.</summary>
    public TimeSpan ResponderTimeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>ocspStaplingRefreshPeriodSecs; null refreshes halfway between now and the response's nextUpdate.</summary>
    public TimeSpan? RefreshPeriod { get; init; }

    /// <summary>A responder that takes longer than this is logged (4780400).</summary>
    public TimeSpan SlowResponderWarning { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry after a failed fetch; it doubles on each further failure.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries: a responder that comes back is used within this long.</summary>
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(1);
}
