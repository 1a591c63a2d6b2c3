namespace Tessera.Client;

/// <summary>
/// Every option Tessera.Client understands, under the spec's spelling, looked up case-insensitively. The URI-options
/// spec's table plus PyMongo's tlsCRLFile, fsync and uuidRepresentation; anything else is warned about and ignored.
/// </summary>
internal static class UriOptionCatalog
{
    private static readonly Func<string, string, OptionValue> Bool = OptionValidators.Boolean;
    private static readonly Func<string, string, OptionValue> Text = (_, text) => OptionValidators.String(text);
    private static readonly Func<string, string, OptionValue> NonNegative = OptionValidators.Integer(0);
    private static readonly Func<string, string, OptionValue> Positive = OptionValidators.Integer(1);

    private static readonly UriOptionDefinition[] Definitions =
    [
        new(UriOptionNames.AppName, OptionValidators.AppName),
        new(UriOptionNames.AuthMechanism, OptionValidators.OneOf(AuthMechanisms.All)),
        new(UriOptionNames.AuthMechanismProperties, OptionValidators.AuthMechanismProperties),
        new(UriOptionNames.AuthSource, Text),
        new(UriOptionNames.Compressors, OptionValidators.Compressors),
        new(UriOptionNames.ConnectTimeoutMS, NonNegative),
        new(UriOptionNames.DirectConnection, Bool),
        new(UriOptionNames.Fsync, Bool),
        new(UriOptionNames.HeartbeatFrequencyMS, OptionValidators.Integer(500)),
        new(UriOptionNames.Journal, Bool),
        new(UriOptionNames.LoadBalanced, Bool),
        new(UriOptionNames.LocalThresholdMS, NonNegative),
        new(UriOptionNames.MaxConnecting, Positive),
        new(UriOptionNames.MaxIdleTimeMS, NonNegative),
        new(UriOptionNames.MaxPoolSize, NonNegative),
        new(UriOptionNames.MaxStalenessSeconds, OptionValidators.MaxStalenessSeconds),
        new(UriOptionNames.MinPoolSize, NonNegative),
        new(UriOptionNames.ProxyHost, Text),
        new(UriOptionNames.ProxyPort, OptionValidators.Integer(1, 65535)),
        new(UriOptionNames.ProxyUsername, Text),
        new(UriOptionNames.ProxyPassword, Text) { IsSecret = true },
        new(UriOptionNames.ReadConcernLevel, Text),
        new(UriOptionNames.ReadPreference, OptionValidators.OneOf("primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest")),
        new(UriOptionNames.ReadPreferenceTags, OptionValidators.ReadPreferenceTags) { IsRepeatable = true, AcceptsEmpty = true },
        new(UriOptionNames.ReplicaSet, Text),
        new(UriOptionNames.RetryReads, Bool),
        new(UriOptionNames.RetryWrites, Bool),
        new(UriOptionNames.ServerMonitoringMode, OptionValidators.OneOf("stream", "poll", "auto")),
        new(UriOptionNames.ServerSelectionTimeoutMS, Positive),
        new(UriOptionNames.ServerSelectionTryOnce, Bool),
        new(UriOptionNames.SocketTimeoutMS, NonNegative),
        new(UriOptionNames.SrvMaxHosts, NonNegative),
        new(UriOptionNames.SrvServiceName, Text),
        new(UriOptionNames.TimeoutMS, NonNegative),
        new(UriOptionNames.Tls, Bool),
        new(UriOptionNames.Ssl, Bool) { StoredAs = UriOptionNames.Tls },
        new(UriOptionNames.TlsAllowInvalidCertificates, Bool),
        new(UriOptionNames.TlsAllowInvalidHostnames, Bool),
        new(UriOptionNames.TlsCAFile, Text),
        new(UriOptionNames.TlsCertificateKeyFile, Text),
        new(UriOptionNames.TlsCertificateKeyFilePassword, Text) { IsSecret = true },
        new(UriOptionNames.TlsCRLFile, Text),
        new(UriOptionNames.TlsDisableCertificateRevocationCheck, Bool),
        new(UriOptionNames.TlsDisableOCSPEndpointCheck, Bool),
        new(UriOptionNames.TlsInsecure, Bool),
        new(UriOptionNames.UuidRepresentation, OptionValidators.OneOf("unspecified", "standard", "pythonLegacy", "javaLegacy", "csharpLegacy")),
        new(UriOptionNames.W, OptionValidators.WriteConcern),
        new(UriOptionNames.WaitQueueTimeoutMS, Positive),
        new(UriOptionNames.WTimeoutMS, NonNegative),
        new(UriOptionNames.WTimeout, NonNegative) { StoredAs = UriOptionNames.WTimeoutMS, ReplacedBy = UriOptionNames.WTimeoutMS },
        new(UriOptionNames.ZlibCompressionLevel, OptionValidators.Integer(-1, 9)),
    ];

    private static readonly Dictionary<string, UriOptionDefinition> ByName =
        Definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> SecretNames =
        new(Definitions.Where(d => d.IsSecret).Select(d => d.StoredAs), StringComparer.OrdinalIgnoreCase);

    public static UriOptionDefinition? Find(string key) => ByName.GetValueOrDefault(key);

    public static bool IsSecret(string name) => SecretNames.Contains(name);
}
