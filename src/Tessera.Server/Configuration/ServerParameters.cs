namespace Tessera.Server.Configuration;

/// <summary>The start-up <c>setParameter</c> values Tessera honours, under mongod's names.</summary>
public sealed record ServerParameters
{
    public const int DefaultTlsX509ExpirationWarningThresholdDays = 30;
    public const int MaxAuthFailedDelayMs = 5000;
    public const string X509Mechanism = "MONGODB-X509";

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

    public bool OcspEnabled { get; init; } = true;

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
