namespace Tessera.Server.Hosting;

/// <summary>net.tls.mode: which kinds of incoming connection one port accepts (server-behavior.md §5.1).</summary>
public enum TlsMode
{
    Disabled,
    AllowTls,
    PreferTls,
    RequireTls,
}

/// <summary>security.clusterAuthMode; only x509 (and the transitional send modes) let certificates make members.</summary>
public enum ClusterAuthMode
{
    Undefined,
    KeyFile,
    SendKeyFile,
    SendX509,
    X509,
}
