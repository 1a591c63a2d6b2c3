using MongoDB.Bson;

namespace Tessera.Server.Configuration;

/// <summary>
/// Every setting <c>tessera serve</c> accepts, in the order mongod applies them, with mongod's YAML keys,
/// command-line names and legacy <c>ssl</c> names. Adding a setting is one row here and a property in the model.
/// </summary>
internal static class SettingCatalog
{
    /// <summary>Command-line switches that stand for a value of another setting.</summary>
    public static IReadOnlyDictionary<string, (string Key, string Value)> CommandLineAliases { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["--auth"] = ("security.authorization", "enabled"),
            ["--noauth"] = ("security.authorization", "disabled"),
            ["--tlsOnNormalPorts"] = (SslOnNormalPortsKey, "true"),
            ["--sslOnNormalPorts"] = (SslOnNormalPortsKey, "true"),
        };

    /// <summary>mongod's deprecated spelling of <c>net.tls.mode: requireTLS</c>.</summary>
    public const string SslOnNormalPortsKey = "net.ssl.sslOnNormalPorts";

    public const string ConfigOption = "--config";

    public const string SetParameterOption = "--setParameter";

    public const string VerboseOption = "--verbose";

    /// <summary>Runtime-only parameters mongod refuses at start-up.</summary>
    public static IReadOnlySet<string> RuntimeOnlyParameters { get; } = new HashSet<string>(StringComparer.Ordinal) { "tlsMode", "sslMode" };

    /// <summary>
    /// mongod keys an operator's file often carries that Tessera does not implement; they are refused with a
    /// plainer reason than "unrecognised" so the operator knows to delete them rather than fix a typo.
    /// </summary>
    public static IReadOnlySet<string> UnsupportedMongodKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "systemLog.destination", "systemLog.path", "systemLog.logAppend", "systemLog.logRotate", "systemLog.timeStampFormat",
        "processManagement", "processManagement.fork", "processManagement.pidFilePath", "processManagement.timeZoneInfo",
        "storage.journal", "storage.journal.enabled", "storage.engine", "storage.wiredTiger", "storage.directoryPerDB",
        "replication", "replication.replSetName", "replication.oplogSizeMB", "sharding", "sharding.clusterRole",
        "net.ipv6", "net.unixDomainSocket", "net.compression", "net.tls.certificateSelector", "net.tls.FIPSMode",
        "operationProfiling", "auditLog",
    };

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        Integer("net.port", "--port", 0, 65535, (o, v) => Net(o, n => n with { Port = v }), o => o.Net.Port),
        Text("net.bindIp", "--bind_ip", (o, v) => Net(o, n => n with { BindIp = ParseBindIp(v) }), o => string.Join(',', o.Net.BindIp)),
        Boolean("net.bindIpAll", "--bind_ip_all", (o, v) => Net(o, n => n with { BindIpAll = v }), o => o.Net.BindIpAll),
        Integer("net.maxIncomingConnections", "--maxConns", 1, int.MaxValue,
            (o, v) => Net(o, n => n with { MaxIncomingConnections = v }), o => o.Net.MaxIncomingConnections),
        Text("net.tls.mode", "--tlsMode", (o, v) => Tls(o, t => t with { Mode = ParseTlsMode(v) }), o => o.Net.Tls.Mode.ToMongodName())
            with { LegacyKey = "net.ssl.mode", LegacyCommandLineName = "--sslMode", CanonicalizeLegacyValue = TlsModeNames.CanonicalizeLegacyName },
        Boolean(SslOnNormalPortsKey, null, (o, v) => v ? Tls(o, t => t with { Mode = TlsMode.RequireTls }) : o, null),
        Text("net.tls.certificateKeyFile", "--tlsCertificateKeyFile", (o, v) => Tls(o, t => t with { CertificateKeyFile = v }), o => Str(o.Net.Tls.CertificateKeyFile))
            with { LegacyKey = "net.ssl.PEMKeyFile", LegacyCommandLineName = "--sslPEMKeyFile" },
        Secret("net.tls.certificateKeyFilePassword", "--tlsCertificateKeyFilePassword", (o, v) => Tls(o, t => t with { CertificateKeyFilePassword = v }))
            with { LegacyKey = "net.ssl.PEMKeyPassword", LegacyCommandLineName = "--sslPEMKeyPassword" },
        Text("net.tls.clusterFile", "--tlsClusterFile", (o, v) => Tls(o, t => t with { ClusterFile = v }), o => Str(o.Net.Tls.ClusterFile))
            with { LegacyKey = "net.ssl.clusterFile", LegacyCommandLineName = "--sslClusterFile" },
        Secret("net.tls.clusterPassword", "--tlsClusterPassword", (o, v) => Tls(o, t => t with { ClusterPassword = v }))
            with { LegacyKey = "net.ssl.clusterPassword", LegacyCommandLineName = "--sslClusterPassword" },
        Text("net.tls.CAFile", "--tlsCAFile", (o, v) => Tls(o, t => t with { CAFile = v }), o => Str(o.Net.Tls.CAFile))
            with { LegacyKey = "net.ssl.CAFile", LegacyCommandLineName = "--sslCAFile" },
        Text("net.tls.clusterCAFile", "--tlsClusterCAFile", (o, v) => Tls(o, t => t with { ClusterCAFile = v }), o => Str(o.Net.Tls.ClusterCAFile))
            with { LegacyKey = "net.ssl.clusterCAFile", LegacyCommandLineName = "--sslClusterCAFile" },
        Text("net.tls.CRLFile", "--tlsCRLFile", (o, v) => Tls(o, t => t with { CRLFile = v }), o => Str(o.Net.Tls.CRLFile))
            with { LegacyKey = "net.ssl.CRLFile", LegacyCommandLineName = "--sslCRLFile" },
        Boolean("net.tls.allowConnectionsWithoutCertificates", "--tlsAllowConnectionsWithoutCertificates",
            (o, v) => Tls(o, t => t with { AllowConnectionsWithoutCertificates = v }), o => o.Net.Tls.AllowConnectionsWithoutCertificates)
            with { LegacyKey = "net.ssl.allowConnectionsWithoutCertificates", LegacyCommandLineName = "--sslAllowConnectionsWithoutCertificates" },
        Boolean("net.tls.allowInvalidCertificates", "--tlsAllowInvalidCertificates",
            (o, v) => Tls(o, t => t with { AllowInvalidCertificates = v }), o => o.Net.Tls.AllowInvalidCertificates)
            with { LegacyKey = "net.ssl.allowInvalidCertificates", LegacyCommandLineName = "--sslAllowInvalidCertificates" },
        Boolean("net.tls.allowInvalidHostnames", "--tlsAllowInvalidHostnames",
            (o, v) => Tls(o, t => t with { AllowInvalidHostnames = v }), o => o.Net.Tls.AllowInvalidHostnames)
            with { LegacyKey = "net.ssl.allowInvalidHostnames", LegacyCommandLineName = "--sslAllowInvalidHostnames" },
        Text("net.tls.disabledProtocols", "--tlsDisabledProtocols",
            (o, v) => Tls(o, t => t with { DisabledProtocols = TlsProtocolList.ParseDisabled(v) }), o => TlsProtocolList.Format(o.Net.Tls.DisabledProtocols))
            with { LegacyKey = "net.ssl.disabledProtocols", LegacyCommandLineName = "--sslDisabledProtocols" },
        Text("net.tls.logVersions", "--tlsLogVersions",
            (o, v) => Tls(o, t => t with { LogVersions = TlsProtocolList.ParseLogVersions(v) }), o => TlsProtocolList.Format(o.Net.Tls.LogVersions)),
        Text("net.tls.clusterAuthX509.attributes", "--tlsClusterAuthX509Attributes",
            (o, v) => Tls(o, t => t with { ClusterAuthX509 = t.ClusterAuthX509 with { Attributes = v } }), o => Str(o.Net.Tls.ClusterAuthX509.Attributes)),
        Text("net.tls.clusterAuthX509.extensionValue", "--tlsClusterAuthX509ExtensionValue",
            (o, v) => Tls(o, t => t with { ClusterAuthX509 = t.ClusterAuthX509 with { ExtensionValue = v } }), o => Str(o.Net.Tls.ClusterAuthX509.ExtensionValue)),
        Text("security.authorization", null, (o, v) => Security(o, s => s with { Authorization = ParseAuthorization(v) }),
            o => o.Security.Authorization == AuthorizationMode.Enabled ? "enabled" : "disabled"),
        Text("security.clusterAuthMode", "--clusterAuthMode", (o, v) => Security(o, s => s with { ClusterAuthMode = ParseClusterAuthMode(v) }),
            o => o.Security.ClusterAuthMode is { } mode ? mode.ToMongodName() : BsonNull.Value),
        Text("security.keyFile", "--keyFile", (o, v) => Security(o, s => s with { KeyFile = v }), o => Str(o.Security.KeyFile)),
        Boolean("security.transitionToAuth", "--transitionToAuth", (o, v) => Security(o, s => s with { TransitionToAuth = v }), o => o.Security.TransitionToAuth),
        Text("storage.dbPath", "--dbpath", (o, v) => o with { Storage = o.Storage with { DbPath = NotEmpty(v) } }, o => o.Storage.DbPath),
        Integer("systemLog.verbosity", null, 0, SystemLogOptions.MaxVerbosity,
            (o, v) => o with { SystemLog = o.SystemLog with { Verbosity = v } }, o => o.SystemLog.Verbosity),
        Boolean("systemLog.quiet", "--quiet", (o, v) => o with { SystemLog = o.SystemLog with { Quiet = v } }, o => o.SystemLog.Quiet),
        Boolean(Parameter("enforceUserClusterSeparation"), null,
            (o, v) => Parameters(o, p => p with { EnforceUserClusterSeparation = v }), o => o.Parameters.EnforceUserClusterSeparation),
        Text(Parameter("tlsX509ClusterAuthDNOverride"), null,
            (o, v) => Parameters(o, p => p with { TlsX509ClusterAuthDNOverride = v.Length == 0 ? null : v }), o => o.Parameters.TlsX509ClusterAuthDNOverride ?? string.Empty),
        Text(Parameter(ClusterAuthX509OverrideParameter.Name), null,
            (o, v) => Parameters(o, p => p with { TlsClusterAuthX509Override = ClusterAuthX509OverrideParameter.Parse(v) }),
            o => o.Parameters.TlsClusterAuthX509Override is { } x ? ClusterAuthX509OverrideParameter.Format(x) : "{}"),
        Integer(Parameter("tlsX509ExpirationWarningThresholdDays"), null, 0, int.MaxValue,
            (o, v) => Parameters(o, p => p with { TlsX509ExpirationWarningThresholdDays = v }), o => o.Parameters.TlsX509ExpirationWarningThresholdDays),
        Text(Parameter("authenticationMechanisms"), null,
            (o, v) => Parameters(o, p => p with { AuthenticationMechanisms = ParseMechanisms(v) }), o => string.Join(',', o.Parameters.AuthenticationMechanisms)),
        Integer(Parameter("authFailedDelayMs"), null, 0, ServerParameters.MaxAuthFailedDelayMs,
            (o, v) => Parameters(o, p => p with { AuthFailedDelayMs = v }), o => o.Parameters.AuthFailedDelayMs),
        Integer(Parameter("cursorTimeoutMillis"), null, 1, int.MaxValue,
            (o, v) => Parameters(o, p => p with { CursorTimeoutMillis = v }), o => o.Parameters.CursorTimeoutMillis),
        Boolean(Parameter("ocspEnabled"), null, (o, v) => Parameters(o, p => p with { OcspEnabled = v }), o => o.Parameters.OcspEnabled),
        Integer(Parameter("ocspStaplingRefreshPeriodSecs"), null, 1, int.MaxValue,
            (o, v) => Parameters(o, p => p with { OcspStaplingRefreshPeriodSecs = v }), o => o.Parameters.OcspStaplingRefreshPeriodSecs),
        Integer(Parameter("tlsOCSPStaplingTimeoutSecs"), null, 1, int.MaxValue,
            (o, v) => Parameters(o, p => p with { TlsOCSPStaplingTimeoutSecs = v }), o => o.Parameters.TlsOCSPStaplingTimeoutSecs),
        Integer(Parameter("tlsOCSPVerifyTimeoutSecs"), null, 1, int.MaxValue,
            (o, v) => Parameters(o, p => p with { TlsOCSPVerifyTimeoutSecs = v }), o => o.Parameters.TlsOCSPVerifyTimeoutSecs),
        Integer(Parameter("tlsOCSPSlowResponderWarningSecs"), null, 0, int.MaxValue,
            (o, v) => Parameters(o, p => p with { TlsOCSPSlowResponderWarningSecs = v }), o => o.Parameters.TlsOCSPSlowResponderWarningSecs),
        Boolean(Parameter("enableLocalhostAuthBypass"), null,
            (o, v) => Parameters(o, p => p with { EnableLocalhostAuthBypass = v }), o => o.Parameters.EnableLocalhostAuthBypass),
        Boolean(Parameter("suppressNoTLSPeerCertificateWarning"), null,
            (o, v) => Parameters(o, p => p with { SuppressNoTLSPeerCertificateWarning = v }), o => o.Parameters.SuppressNoTLSPeerCertificateWarning),
        Boolean(Parameter("disableNonTLSConnectionLogging"), null,
            (o, v) => Parameters(o, p => p with { DisableNonTLSConnectionLogging = v }), o => o.Parameters.DisableNonTLSConnectionLogging)
            with { LegacyKey = Parameter("disableNonSSLConnectionLogging") },
        Boolean(Parameter("tlsWithholdClientCertificate"), null,
            (o, v) => Parameters(o, p => p with { TlsWithholdClientCertificate = v }), o => o.Parameters.TlsWithholdClientCertificate)
            with { LegacyKey = Parameter("sslWithholdClientCertificate") },
    ];

    private static readonly Dictionary<string, (SettingDefinition Definition, bool Legacy)> ByKey = Index(d => d.Key, d => d.LegacyKey);

    private static readonly Dictionary<string, (SettingDefinition Definition, bool Legacy)> ByCommandLineName =
        Index(d => d.CommandLineName, d => d.LegacyCommandLineName);

    /// <summary>By canonical or legacy key (<c>net.ssl.PEMKeyFile</c> finds <c>net.tls.certificateKeyFile</c>).</summary>
    public static (SettingDefinition Definition, bool Legacy)? FindByKey(string key) =>
        ByKey.TryGetValue(key, out var found) ? found : null;

    public static (SettingDefinition Definition, bool Legacy)? FindByCommandLineName(string name) =>
        ByCommandLineName.TryGetValue(name, out var found) ? found : null;

    public static SettingDefinition Get(string key) => ByKey[key].Definition;

    public static IEnumerable<string> KnownKeys => ByKey.Keys.Where(k => !k.StartsWith(SettingDefinition.ParameterPrefix, StringComparison.Ordinal));

    /// <summary>Keys and the sections above them (<c>net</c>, <c>net.tls</c>), for hints about a misspelled section.</summary>
    public static IEnumerable<string> KnownKeysAndSections =>
        KnownKeys.SelectMany(Sections).Concat(KnownKeys).Append("setParameter").Distinct(StringComparer.Ordinal);

    public static IEnumerable<string> KnownParameterNames =>
        ByKey.Keys.Where(k => k.StartsWith(SettingDefinition.ParameterPrefix, StringComparison.Ordinal))
            .Select(k => k[SettingDefinition.ParameterPrefix.Length..]);

    public static IEnumerable<string> KnownCommandLineNames =>
        ByCommandLineName.Keys.Concat(CommandLineAliases.Keys).Concat([ConfigOption, SetParameterOption, VerboseOption]);

    /// <summary>True when some key lies under <paramref name="path"/>, so a mapping there is a section, not a typo.</summary>
    public static bool IsSection(string path) =>
        path == "setParameter" || ByKey.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal));

    private static IEnumerable<string> Sections(string key)
    {
        for (var dot = key.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = key.IndexOf('.', dot + 1))
        {
            yield return key[..dot];
        }
    }

    public static string Parameter(string name) => SettingDefinition.ParameterPrefix + name;

    private static Dictionary<string, (SettingDefinition, bool)> Index(Func<SettingDefinition, string?> name, Func<SettingDefinition, string?> legacyName)
    {
        var index = new Dictionary<string, (SettingDefinition, bool)>(StringComparer.Ordinal);
        foreach (var definition in All)
        {
            if (name(definition) is { } canonical)
            {
                index.Add(canonical, (definition, false));
            }

            if (legacyName(definition) is { } legacy)
            {
                index.Add(legacy, (definition, true));
            }
        }

        return index;
    }

    private static SettingDefinition Integer(
        string key, string? commandLineName, int minimum, int maximum, Func<ServerOptions, int, ServerOptions> apply, Func<ServerOptions, int> read) =>
        new()
        {
            Key = key,
            Kind = SettingKind.Integer,
            CommandLineName = commandLineName,
            Minimum = minimum,
            Maximum = maximum,
            Apply = (o, v) => apply(o, (int)v),
            Render = o => read(o),
        };

    private static SettingDefinition Boolean(
        string key, string? commandLineName, Func<ServerOptions, bool, ServerOptions> apply, Func<ServerOptions, bool>? read) =>
        new()
        {
            Key = key,
            Kind = SettingKind.Boolean,
            CommandLineName = commandLineName,
            Apply = (o, v) => apply(o, (bool)v),
            Render = read is null ? null : o => read(o),
        };

    private static SettingDefinition Text(
        string key, string? commandLineName, Func<ServerOptions, string, ServerOptions> apply, Func<ServerOptions, BsonValue> read) =>
        new()
        {
            Key = key,
            Kind = SettingKind.String,
            CommandLineName = commandLineName,
            Apply = (o, v) => apply(o, (string)v),
            Render = read,
        };

    private static SettingDefinition Secret(string key, string commandLineName, Func<ServerOptions, Password, ServerOptions> apply) =>
        new()
        {
            Key = key,
            Kind = SettingKind.Password,
            CommandLineName = commandLineName,
            Apply = (o, v) => apply(o, (Password)v),
            Render = _ => Password.Redacted,
        };

    private static ServerOptions Net(ServerOptions o, Func<NetOptions, NetOptions> change) => o with { Net = change(o.Net) };

    private static ServerOptions Tls(ServerOptions o, Func<TlsOptions, TlsOptions> change) => Net(o, n => n with { Tls = change(n.Tls) });

    private static ServerOptions Security(ServerOptions o, Func<SecurityOptions, SecurityOptions> change) => o with { Security = change(o.Security) };

    private static ServerOptions Parameters(ServerOptions o, Func<ServerParameters, ServerParameters> change) => o with { Parameters = change(o.Parameters) };

    private static BsonValue Str(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    private static TlsMode ParseTlsMode(string value) =>
        TlsModeNames.Parse(value) ?? throw new ServerConfigurationException("net.tls.mode", $"unsupported value for tlsMode {value}");

    private static ClusterAuthMode ParseClusterAuthMode(string value) =>
        ClusterAuthModeNames.Parse(value)
        ?? throw new ServerConfigurationException(
            "security.clusterAuthMode", $"unsupported value for clusterAuthMode {value} (expected keyFile, sendKeyFile, sendX509 or x509)");

    private static AuthorizationMode ParseAuthorization(string value) => value switch
    {
        "enabled" => AuthorizationMode.Enabled,
        "disabled" => AuthorizationMode.Disabled,
        _ => throw new ServerConfigurationException($"expects 'enabled' or 'disabled', not '{value}'"),
    };

    private static List<string> ParseBindIp(string value)
    {
        var addresses = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return addresses.Count > 0 ? addresses : throw new ServerConfigurationException("needs at least one address");
    }

    private static string NotEmpty(string value) =>
        value.Length > 0 ? value : throw new ServerConfigurationException("must not be empty");

    private static List<string> ParseMechanisms(string value)
    {
        var mechanisms = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var mechanism in mechanisms)
        {
            if (!ServerParameters.KnownAuthenticationMechanisms.Contains(mechanism))
            {
                throw new ServerConfigurationException(
                    $"unknown mechanism '{mechanism}'{ClosestName.Hint(mechanism, ServerParameters.KnownAuthenticationMechanisms)}");
            }
        }

        return mechanisms;
    }
}
