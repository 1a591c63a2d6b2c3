namespace Tessera.Client;

/// <summary>Option names as the URI-options spec spells them: the keys of <see cref="UriOptions"/> and of `tessera uri parse`.</summary>
public static class UriOptionNames
{
    public const string AppName = "appName";
    public const string AuthMechanism = "authMechanism";
    public const string AuthMechanismProperties = "authMechanismProperties";
    public const string AuthSource = "authSource";
    public const string Compressors = "compressors";
    public const string ConnectTimeoutMS = "connectTimeoutMS";
    public const string DirectConnection = "directConnection";
    public const string Fsync = "fsync";
    public const string HeartbeatFrequencyMS = "heartbeatFrequencyMS";
    public const string Journal = "journal";
    public const string LoadBalanced = "loadBalanced";
    public const string LocalThresholdMS = "localThresholdMS";
    public const string MaxConnecting = "maxConnecting";
    public const string MaxIdleTimeMS = "maxIdleTimeMS";
    public const string MaxPoolSize = "maxPoolSize";
    public const string MaxStalenessSeconds = "maxStalenessSeconds";
    public const string MinPoolSize = "minPoolSize";
    public const string ProxyHost = "proxyHost";
    public const string ProxyPort = "proxyPort";
    public const string ProxyUsername = "proxyUsername";
    public const string ProxyPassword = "proxyPassword";
    public const string ReadConcernLevel = "readConcernLevel";
    public const string ReadPreference = "readPreference";
    public const string ReadPreferenceTags = "readPreferenceTags";
    public const string ReplicaSet = "replicaSet";
    public const string RetryReads = "retryReads";
    public const string RetryWrites = "retryWrites";
    public const string ServerMonitoringMode = "serverMonitoringMode";
    public const string ServerSelectionTimeoutMS = "serverSelectionTimeoutMS";
    public const string ServerSelectionTryOnce = "serverSelectionTryOnce";
    public const string SocketTimeoutMS = "socketTimeoutMS";
    public const string SrvMaxHosts = "srvMaxHosts";
    public const string SrvServiceName = "srvServiceName";
    public const string Ssl = "ssl";
    public const string TimeoutMS = "timeoutMS";
    public const string Tls = "tls";
    public const string TlsAllowInvalidCertificates = "tlsAllowInvalidCertificates";
    public const string TlsAllowInvalidHostnames = "tlsAllowInvalidHostnames";
    public const string TlsCAFile = "tlsCAFile";
    public const string TlsCertificateKeyFile = "tlsCertificateKeyFile";
    public const string TlsCertificateKeyFilePassword = "tlsCertificateKeyFilePassword";
    public const string TlsCRLFile = "tlsCRLFile";
    public const string TlsDisableCertificateRevocationCheck = "tlsDisableCertificateRevocationCheck";
    public const string TlsDisableOCSPEndpointCheck = "tlsDisableOCSPEndpointCheck";
    public const string TlsInsecure = "tlsInsecure";
    public const string UuidRepresentation = "uuidRepresentation";
    public const string W = "w";
    public const string WaitQueueTimeoutMS = "waitQueueTimeoutMS";
    public const string WTimeout = "wtimeout";
    public const string WTimeoutMS = "wTimeoutMS";
    public const string ZlibCompressionLevel = "zlibCompressionLevel";
}
