namespace Tessera.Server.Configuration;

/// <summary>
/// The comma lists of protocol names in <c>net.tls.disabledProtocols</c> and <c>net.tls.logVersions</c>,
/// parsed as mongod's <c>storeDisabledProtocols</c> and <c>storeTLSLogVersions</c> do.
/// </summary>
public static class TlsProtocolList
{
    /// <summary>8.x disables TLS 1.0 and 1.1 unless told otherwise (log 97374).</summary>
    public const TlsProtocols DefaultDisabled = TlsProtocols.Tls1_0 | TlsProtocols.Tls1_1;

    private static readonly (string Name, TlsProtocols Protocol)[] Names =
    [
        ("TLS1_0", TlsProtocols.Tls1_0),
        ("TLS1_1", TlsProtocols.Tls1_1),
        ("TLS1_2", TlsProtocols.Tls1_2),
        ("TLS1_3", TlsProtocols.Tls1_3),
    ];

    /// <summary>
    /// <c>none</c> (the whole value) disables nothing; otherwise each entry is <c>TLS1_x</c> or the older
    /// <c>noTLS1_x</c>.
    /// </summary>
    public static TlsProtocols ParseDisabled(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "none")
        {
            return TlsProtocols.None;
        }

        var disabled = TlsProtocols.None;
        foreach (var token in text.Split(','))
        {
            var name = token.StartsWith("no", StringComparison.Ordinal) ? token[2..] : token;
            disabled |= Find(name) ?? throw new ServerConfigurationException(
                "net.tls.disabledProtocols", $"Unrecognized disabledProtocols '{token}'");
        }

        return disabled;
    }

    public static TlsProtocols ParseLogVersions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var versions = TlsProtocols.None;
        foreach (var token in text.Split(','))
        {
            versions |= Find(token) ?? throw new ServerConfigurationException(
                "net.tls.logVersions", $"Unrecognized tlsLogVersions '{token}'");
        }

        return versions;
    }

    /// <summary>The list in mongod's spelling, <c>none</c> when empty.</summary>
    public static string Format(TlsProtocols protocols) =>
        protocols == TlsProtocols.None
            ? "none"
            : string.Join(',', Names.Where(n => protocols.HasFlag(n.Protocol)).Select(n => n.Name));

    private static TlsProtocols? Find(string name)
    {
        foreach (var (candidate, protocol) in Names)
        {
            if (candidate == name)
            {
                return protocol;
            }
        }

        return null;
    }
}
