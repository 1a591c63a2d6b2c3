namespace Tessera.Server.Configuration;

/// <summary>The start-up <c>setParameter</c> values Tessera honours, under mongod's names.</summary>
public sealed record ServerParameters
{
    public const int DefaultTlsX509ExpirationWarningThresholdDays = 30;
    public const int MaxAuthFailedDelayMs = 5000;
    public const string X509Mechanism = "MONGODB-X509";
    public const int DefaultTlsOCSPVerifyTimeoutSecs = 4;
    public const int DefaultTlsOCSPSlowResponderWarningSecs = 5;

    /// <summary>mongod's value for an integer parameter that was not set.</summary>
    public const int Unset = -1;

    /// <summary>
    /// mongod's default lists SCRAM-SHA-1 and SCRAM-SHA-256 too; Tessera's identity is the certificate and it
    /// implements only MONGODB-X509, so only that is on by default. Other mongod mechanism names are accepted
    /// so an existing configuration starts, but they enable nothing.
    /// </summary>
    public static IReadOnlyList<string> DefaultAuthenticationMechanisms { get; } = [X509Mechanism];

    /// <summary>Mechanism names mongod knows; anything else is refused as a typo.</summary>
    public static IReadOnlyList<string> KnownAuthenticationMechanisms { get; } =
        ["MONGODB-X509", "SCRAM-SHA-1", "SCRAM-SHA-256", "PLAIN", "GSSAPI", "MONGODB-AWS", "MONGODB-OIDC"];

    /// <summary>Refuse users that would be recognised as cluster members (§3.6). Default true.</summary>
    public bool EnforceUserClusterSeparation { get; init; } = true;

    /// <summary>Another DN whose DC/O/OU also qualify a member (§3.3); null when unset (an empty value clears it).</summary>
    public string? TlsX509ClusterAuthDNOverride { get; init; }

    /// <summary><c>tlsClusterAuthX509Override</c>, given as a JSON object; consulted when the primary rule fails.</summary>
    public ClusterAuthX509Options? TlsClusterAuthX509Override { get; init; }

    /// <summary>Warn about client certificates expiring within this many days (0 or more).</summary>
    public int TlsX509ExpirationWarningThresholdDays { get; init; } = DefaultTlsX509ExpirationWarningThresholdDays;

    public IReadOnlyList<string> AuthenticationMechanisms { get; init; } = DefaultAuthenticationMechanisms;

    /// <summary>Sleep before replying to a failed authentication, 0 to 5000 ms (mongod's bounds).</summary>
    public int AuthFailedDelayMs { get; init; }

    /// <summary>Staple an OCSP response for the server's certificate when it names a responder (default true).</summary>
    public bool OcspEnabled { get; init; } = true;

    /// <summary>
    /// Seconds between refreshes of the stapled response; -1 (unset) refreshes halfway to its nextUpdate. Honoured
    /// only while it refreshes early enough to never leave the server without a current response (mongod's rule).
    /// </summary>
    public int OcspStaplingRefreshPeriodSecs { get; init; } = Unset;

    /// <summary>How long to wait for the responder when fetching the staple; -1 (unset) uses <see cref="TlsOCSPVerifyTimeoutSecs"/>.</summary>
    public int TlsOCSPStaplingTimeoutSecs { get; init; } = Unset;

    /// <summary>How long to wait for an OCSP responder, in seconds (mongod's default, 4).</summary>
    public int TlsOCSPVerifyTimeoutSecs { get; init; } = DefaultTlsOCSPVerifyTimeoutSecs;

    /// <summary>A responder slower than this many seconds is logged (4780400).</summary>
    public int TlsOCSPSlowResponderWarningSecs { get; init; } = DefaultTlsOCSPSlowResponderWarningSecs;

    /// <summary>The seconds the stapler waits for a responder: the stapling timeout when set, else the verify timeout.</summary>
    public int EffectiveOcspStaplingTimeoutSecs => TlsOCSPStaplingTimeoutSecs > 0 ? TlsOCSPStaplingTimeoutSecs : TlsOCSPVerifyTimeoutSecs;

    /// <summary>An idle cursor is closed after this many milliseconds (mongod's default, 10 minutes).</summary>
    public int CursorTimeoutMillis { get; init; } = 600_000;

    /// <summary>mongod's localhost exception: a loopback client may create the first user while none exists.</summary>
    public bool EnableLocalhostAuthBypass { get; init; } = true;

    public bool SuppressNoTLSPeerCertificateWarning { get; init; }

    /// <summary>Do not log 23838 for plaintext connections in preferTLS mode.</summary>
    public bool DisableNonTLSConnectionLogging { get; init; }

    /// <summary>Present no certificate on outgoing connections.</summary>
    public bool TlsWithholdClientCertificate { get; init; }

    public bool X509AuthenticationEnabled => AuthenticationMechanisms.Contains(X509Mechanism);
}
