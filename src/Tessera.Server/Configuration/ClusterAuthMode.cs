namespace Tessera.Server.Configuration;

/// <summary><c>security.clusterAuthMode</c>: how members of a deployment prove membership to each other.</summary>
public enum ClusterAuthMode
{
    KeyFile,
    SendKeyFile,
    SendX509,
    X509,
}

/// <summary>mongod's names and its <c>ClusterAuthMode</c> predicates, which the start-up checks depend on.</summary>
public static class ClusterAuthModeNames
{
    public static string ToMongodName(this ClusterAuthMode mode) => mode switch
    {
        ClusterAuthMode.KeyFile => "keyFile",
        ClusterAuthMode.SendKeyFile => "sendKeyFile",
        ClusterAuthMode.SendX509 => "sendX509",
        ClusterAuthMode.X509 => "x509",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static ClusterAuthMode? Parse(string name) => name switch
    {
        "keyFile" => ClusterAuthMode.KeyFile,
        "sendKeyFile" => ClusterAuthMode.SendKeyFile,
        "sendX509" => ClusterAuthMode.SendX509,
        "x509" => ClusterAuthMode.X509,
        _ => null,
    };

    /// <summary>Every mode but keyFile accepts X.509 from incoming members (the transition modes included).</summary>
    public static bool AllowsX509(this ClusterAuthMode mode) => mode != ClusterAuthMode.KeyFile;

    /// <summary>sendX509 and x509 present a certificate on outgoing member connections.</summary>
    public static bool SendsX509(this ClusterAuthMode mode) => mode is ClusterAuthMode.SendX509 or ClusterAuthMode.X509;
}
