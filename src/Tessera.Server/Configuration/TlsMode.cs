namespace Tessera.Server.Configuration;

/// <summary><c>net.tls.mode</c>: what the one port accepts (server-behavior.md §5.1).</summary>
public enum TlsMode
{
    Disabled,
    AllowTls,
    PreferTls,
    RequireTls,
}

/// <summary>mongod's spellings of the TLS modes, which are what operators write and what getParameter returns.</summary>
public static class TlsModeNames
{
    public static string ToMongodName(this TlsMode mode) => mode switch
    {
        TlsMode.Disabled => "disabled",
        TlsMode.AllowTls => "allowTLS",
        TlsMode.PreferTls => "preferTLS",
        TlsMode.RequireTls => "requireTLS",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The mode for a mongod name, or null. Case-sensitive, as mongod is.</summary>
    public static TlsMode? Parse(string name) => name switch
    {
        "disabled" => TlsMode.Disabled,
        "allowTLS" => TlsMode.AllowTls,
        "preferTLS" => TlsMode.PreferTls,
        "requireTLS" => TlsMode.RequireTls,
        _ => null,
    };

    /// <summary>
    /// mongod canonicalises a legacy <c>sslMode</c> value by replacing its SSL suffix with TLS, so
    /// <c>requireSSL</c> becomes <c>requireTLS</c>.
    /// </summary>
    public static string CanonicalizeLegacyName(string sslModeName) =>
        sslModeName.EndsWith("SSL", StringComparison.Ordinal) ? sslModeName[..^3] + "TLS" : sslModeName;
}
