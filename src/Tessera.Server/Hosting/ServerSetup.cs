using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Bson;
using Tessera.Security.Files;
using Tessera.Security.Membership;
using Tessera.Server.Configuration;
using Tessera.Server.Transport.Stapling;

namespace Tessera.Server.Hosting;

/// <summary>
/// Everything a running server needs, loaded and checked: endpoints, TLS material, the membership rule and
/// the security switches. Built from the command line and config file at start-up, or directly by tests.
/// </summary>
public sealed record ServerSetup
{
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [new(IPAddress.Loopback, 27017)];

    public TlsMode TlsMode { get; init; } = TlsMode.Disabled;

    /// <summary>tlsCertificateKeyFile: the certificate (with key) and chain the server presents.</summary>
    public CertificateKeyFile? ServerCertificate { get; init; }

    /// <summary>tlsCAFile (or tlsClusterCAFile): the only roots client certificates may chain to.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>
    /// tlsCAFile when tlsClusterCAFile is also given (<see cref="CertificateAuthorities"/> then holds the cluster CA): where
    /// the issuer of the server's own certificate may be, for OCSP stapling. Null otherwise.
    /// </summary>
    public X509Certificate2Collection? OwnCertificateAuthorities { get; init; }

    public IReadOnlyList<CertificateRevocationList> RevocationLists { get; init; } = [];

    /// <summary>ocspEnabled and the OCSP stapling parameters.</summary>
    public StaplingSettings Stapling { get; init; } = new();

    public bool AllowConnectionsWithoutCertificates { get; init; }

    public bool AllowInvalidCertificates { get; init; }

    /// <summary>Protocols left on by tlsDisabledProtocols; TLS 1.0 and 1.1 are off by default.</summary>
    public SslProtocols EnabledProtocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>security.authorization: when on, every command but the handshake ones needs a login.</summary>
    public bool AuthorizationEnabled { get; init; }

    public ClusterAuthMode? ClusterAuthMode { get; init; }

    /// <summary>Who is a cluster member; built from the server certificate's subject and clusterAuthX509 settings.</summary>
    public ClusterMembership? Membership { get; init; }

    public bool EnforceUserClusterSeparation { get; init; } = true;

    /// <summary>tlsX509ExpirationWarningThresholdDays; 0 turns the warning off.</summary>
    public int ExpirationWarningThresholdDays { get; init; } = 30;

    /// <summary>net.maxIncomingConnections.</summary>
    public int MaxConnections { get; init; } = 65_536;

    /// <summary>TLS handshakes allowed at once; more wait, so a flood of slow handshakes cannot starve the server.</summary>
    public int MaxHandshakesInFlight { get; init; } = 128;

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>authenticationMechanisms lists MONGODB-X509; when it does not, only cluster members may use it.</summary>
    public bool X509AuthenticationEnabled { get; init; } = true;

    /// <summary>enableLocalhostAuthBypass: the localhost exception (on by default, as in mongod).</summary>
    public bool LocalhostAuthBypass { get; init; } = true;

    /// <summary>tlsLogVersions: accepted connections using these protocols are logged (23218).</summary>
    public System.Security.Authentication.SslProtocols LoggedProtocols { get; init; }

    /// <summary>authFailedDelayMs: how long a failed login waits before it answers, to slow down guessing.</summary>
    public TimeSpan AuthFailedDelay { get; init; } = TimeSpan.Zero;

    /// <summary>suppressNoTLSPeerCertificateWarning: no warning 23234 for clients without a certificate.</summary>
    public bool SuppressNoCertificateWarning { get; init; }

    /// <summary>disableNonTLSConnectionLogging: no line 23838 for plaintext connections under preferTLS.</summary>
    public bool DisableNonTlsConnectionLogging { get; init; }

    /// <summary>cursorTimeoutMillis: an idle cursor is closed after this long (mongod's default, 10 minutes).</summary>
    public TimeSpan CursorTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>storage.dbPath; null keeps data in memory (tests only).</summary>
    public string? DatabasePath { get; init; }

    /// <summary>What getCmdLineOpts returns (passwords already redacted).</summary>
    public BsonDocument CommandLineOptions { get; init; } = new("argv", new BsonArray());

    public bool AllowsX509Membership => ClusterAuthMode is { } mode && mode.AllowsX509();
}
