namespace Tessera.Server.Configuration;

/// <summary><c>net.tls</c>: the certificates, trust and protocol settings of the listener (§4, §5).</summary>
public sealed record TlsOptions
{
    public TlsMode Mode { get; init; } = TlsMode.Disabled;

    /// <summary>The PEM (certificate and key) presented to every incoming connection.</summary>
    public string? CertificateKeyFile { get; init; }

    public Password? CertificateKeyFilePassword { get; init; }

    /// <summary>Roots that client certificates must chain to (and outgoing peers, when mongod is a client).</summary>
    public string? CAFile { get; init; }

    /// <summary>The PEM presented on outgoing member connections; defaults to <see cref="CertificateKeyFile"/>.</summary>
    public string? ClusterFile { get; init; }

    public Password? ClusterPassword { get; init; }

    /// <summary>When set, incoming certificates are verified against this file instead of <see cref="CAFile"/>.</summary>
    public string? ClusterCAFile { get; init; }

    public string? CRLFile { get; init; }

    public bool AllowConnectionsWithoutCertificates { get; init; }

    public bool AllowInvalidCertificates { get; init; }

    public bool AllowInvalidHostnames { get; init; }

    public TlsProtocols DisabledProtocols { get; init; } = TlsProtocolList.DefaultDisabled;

    /// <summary>Versions whose accepted connections are logged (log 23218).</summary>
    public TlsProtocols LogVersions { get; init; } = TlsProtocols.None;

    public ClusterAuthX509Options ClusterAuthX509 { get; init; } = new();

    public bool IsEnabled => Mode != TlsMode.Disabled;

    public TlsProtocols EnabledProtocols => TlsProtocols.All & ~DisabledProtocols;

    /// <summary>The CA file incoming certificates are verified against (§4.1), or null for the system store.</summary>
    public string? IncomingCAFile => ClusterCAFile ?? CAFile;
}
