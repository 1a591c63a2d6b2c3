namespace Tessera.Client;

/// <summary>
/// A parsed MongoDB connection string (mongodb:// or mongodb+srv://). Parsing checks the syntax, validates every
/// option (bad or unknown ones become <see cref="Warnings"/>), applies the spec's TLS conflict rules and PyMongo's
/// implicit-TLS rules, and resolves SRV only as far as syntax goes (no DNS lookup). It does not touch the disk: see
/// <see cref="TlsOptions.CheckFilesReadable"/>; nor does it build the credential: see <see cref="ClientCredential.FromConnectionString"/>.
/// </summary>
public sealed class ConnectionString
{
    private ConnectionString(
        bool isSrv, IReadOnlyList<ServerAddress> hosts, UserInfo? userInfo, string? database, UriOptions options, IReadOnlyList<string> warnings)
    {
        IsSrv = isSrv;
        Hosts = hosts;
        UserName = userInfo?.UserName;
        Password = userInfo?.Password;
        Database = database;
        Options = options;
        Warnings = warnings;
        Tls = TlsOptionsOf(options);
        TlsSettings = Tls.Resolve();
    }

    /// <summary>mongodb+srv://: <see cref="Hosts"/> holds the one SRV name to look up, not the servers.</summary>
    public bool IsSrv { get; }

    public IReadOnlyList<ServerAddress> Hosts { get; }

    /// <summary>The percent-decoded user name, or null when the URI has no userinfo.</summary>
    public string? UserName { get; }

    /// <summary>Null when no ':' followed the user name; empty for "user:@host".</summary>
    public string? Password { get; }

    /// <summary>The database in the path, decoded; null when the path is empty. Not by itself a reason to authenticate.</summary>
    public string? Database { get; }

    public UriOptions Options { get; }

    /// <summary>Everything ignored or deprecated, one sentence each; empty for a clean connection string.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The TLS options as given (ssl folded into tls; for mongodb+srv, tls=true unless given).</summary>
    public TlsOptions Tls { get; }

    /// <summary>The TLS settings after the rules (tlsInsecure expanded, implicit TLS).</summary>
    public TlsSettings TlsSettings { get; }

    public string? AuthSource => Options.GetString(UriOptionNames.AuthSource);

    public string? AuthMechanism => Options.GetString(UriOptionNames.AuthMechanism);

    public IReadOnlyDictionary<string, string> AuthMechanismProperties =>
        Options.TryGetValue(UriOptionNames.AuthMechanismProperties, out var value)
            ? (IReadOnlyDictionary<string, string>)value
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="uri"/>; throws <see cref="InvalidUriException"/> or <see cref="ClientConfigurationException"/> with the reason.</summary>
    public static ConnectionString Parse(string uri)
    {
        var syntax = ConnectionStringSyntax.Split(uri);
        var userInfo = syntax.UserInfo is null ? null : UserInfo.Parse(syntax.UserInfo);
        var hosts = HostListParser.Parse(syntax.HostList);
        var database = DatabaseName(syntax.DatabasePath);
        var reader = UriOptionsReader.Read(syntax.Query);

        TlsConflictRules.Check(reader.Present);
        CheckTlsAgreesWithSsl(reader.TlsInstances);
        var options = reader.Options;
        if (syntax.IsSrv)
        {
            SrvRules.Check(hosts, options);
            if (!options.ContainsKey(UriOptionNames.Tls))
            {
                // The SRV spec requires TLS for mongodb+srv unless the user turns it off explicitly.
                options = options.With(UriOptionNames.Tls, true);
            }
        }

        OptionCombinationRules.Check(hosts, options, syntax.IsSrv);
        return new ConnectionString(syntax.IsSrv, hosts, userInfo, database, options, reader.Warnings);
    }

    private static string? DatabaseName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var name = PercentEncoding.Decode(path, "database name");

        // PyMongo's list: none of these can appear in a database name.
        if (name.IndexOfAny(['/', '\\', ' ', '"', '$']) >= 0)
        {
            var hint = path.Contains('@', StringComparison.Ordinal)
                ? " If the '/' belongs to a user name or password, percent-encode it as %2F."
                : " A database name cannot contain '/', '\\', ' ', '\"' or '$'.";
            throw new InvalidUriException($"Bad database name \"{name}\".{hint}");
        }

        return name;
    }

    /// <summary>Spec rule 8: every tls and ssl instance must agree, else the reader cannot know which was meant.</summary>
    private static void CheckTlsAgreesWithSsl(List<(string Key, bool? Value)> instances)
    {
        var valued = instances.Where(i => i.Value is not null).ToList();
        for (var i = 1; i < valued.Count; i++)
        {
            if (valued[i].Value != valued[0].Value)
            {
                var ssl = valued.FirstOrDefault(v => v.Key.Equals(UriOptionNames.Ssl, StringComparison.OrdinalIgnoreCase)).Key;
                var tls = valued.FirstOrDefault(v => v.Key.Equals(UriOptionNames.Tls, StringComparison.OrdinalIgnoreCase)).Key;
                var (first, second) = ssl is not null && tls is not null ? (ssl, tls) : (valued[0].Key, valued[i].Key);
                throw new InvalidUriException($"Can not specify conflicting values for URI options {first} and {second}.");
            }
        }
    }

    private static TlsOptions TlsOptionsOf(UriOptions options) => new()
    {
        Tls = options.GetBoolean(UriOptionNames.Tls),
        TlsInsecure = options.GetBoolean(UriOptionNames.TlsInsecure),
        TlsAllowInvalidCertificates = options.GetBoolean(UriOptionNames.TlsAllowInvalidCertificates),
        TlsAllowInvalidHostnames = options.GetBoolean(UriOptionNames.TlsAllowInvalidHostnames),
        TlsCAFile = options.GetString(UriOptionNames.TlsCAFile),
        TlsCRLFile = options.GetString(UriOptionNames.TlsCRLFile),
        TlsCertificateKeyFile = options.GetString(UriOptionNames.TlsCertificateKeyFile),
        TlsCertificateKeyFilePassword = options.GetString(UriOptionNames.TlsCertificateKeyFilePassword),
        TlsDisableOCSPEndpointCheck = options.GetBoolean(UriOptionNames.TlsDisableOCSPEndpointCheck),
        TlsDisableCertificateRevocationCheck = options.GetBoolean(UriOptionNames.TlsDisableCertificateRevocationCheck),
    };
}
