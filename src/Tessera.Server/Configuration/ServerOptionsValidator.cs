using Tessera.Security.Names;

namespace Tessera.Server.Configuration;

/// <summary>
/// mongod's start-up checks across settings (server-behavior.md §3.3, §3.5, §4.3), in mongod's order and with
/// its messages, so an operator searching for the text finds mongod's documentation. Files are not opened
/// here; reading the certificates (§4.2) belongs to the listener's start-up.
/// </summary>
public static class ServerOptionsValidator
{
    public const string NeedTlsForTlsSettings =
        "need to enable TLS via the sslMode/tlsMode flag when using TLS configuration parameters";

    public const string NeedCertificateKeyFile = "need tlsCertificateKeyFile or certificateSelector when TLS is enabled";

    public const string NeedCAFileWithCRLFile = "need tlsCAFile with tlsCRLFile";

    public const string NeedCAFileForX509ClusterAuth =
        "No TLS certificate validation can be performed since no CA file has been provided; please specify an tlsCAFile parameter";

    public const string AllProtocolsDisabled = "All valid TLS modes disabled";

    public const string NeedTlsForX509ClusterAuth = "need to enable TLS via the tlsMode flag";

    // "have have" is mongod's text (jstest x509_enforce_user_cluster_separation.js matches it).
    public const string X509ClusterAuthWithoutSeparation =
        "cannot have have x.509 cluster authentication while not enforcing user cluster separation";

    public const string X509ClusterAuthInAllowTls = "cannot have x.509 cluster authentication in allowTLS mode";

    public const string AttributesConflictWithExtensionValue =
        "net.tls.clusterAuthX509.attributes is not allowed when net.tls.clusterAuthX509.extensionValue is specified";

    public const string AttributesNeedX509ClusterAuth =
        "Cannot set clusterAuthX509.attributes when clusterAuthMode does not allow X.509";

    public const string ExtensionValueNeedsX509ClusterAuth =
        "net.tls.clusterAuthX509.extensionValue requires a clusterAuthMode which allows for usage of X509";

    public const string DNOverrideConflict =
        "tlsX509ClusterAuthDNOverride cannot be set alongside tlsClusterAuthX509Attributes, tlsClusterAuthX509OverrideAttributes, "
        + "tlsClusterAuthX509ExtensionValue, or tlsClusterAuthX509OverrideExtensionValue";

    private const string DisabledProtocolsKey = "net.tls.disabledProtocols";

    /// <summary>Throws <see cref="ServerConfigurationException"/> for the first check that fails.</summary>
    public static void Validate(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = options.Net.Tls;
        var security = options.Security;

        if (tls.ClusterAuthX509.Attributes is not null && tls.ClusterAuthX509.ExtensionValue is not null)
        {
            Fail("net.tls.clusterAuthX509.attributes", AttributesConflictWithExtensionValue);
        }

        if (!tls.IsEnabled)
        {
            // mongod's list: the settings that only mean something with TLS on. (allowInvalid* and
            // clusterCAFile are not on it in mongod either.)
            var tlsOnlySetting = new (string Key, bool Given)[]
            {
                ("net.tls.certificateKeyFile", tls.CertificateKeyFile is not null),
                ("net.tls.certificateKeyFilePassword", tls.CertificateKeyFilePassword is { IsEmpty: false }),
                ("net.tls.clusterFile", tls.ClusterFile is not null),
                ("net.tls.clusterPassword", tls.ClusterPassword is { IsEmpty: false }),
                ("net.tls.CAFile", tls.CAFile is not null),
                ("net.tls.CRLFile", tls.CRLFile is not null),
                (DisabledProtocolsKey, options.WasGiven(DisabledProtocolsKey)),
                ("net.tls.allowConnectionsWithoutCertificates", tls.AllowConnectionsWithoutCertificates),
            }.FirstOrDefault(s => s.Given).Key;
            if (tlsOnlySetting is not null)
            {
                Fail(tlsOnlySetting, NeedTlsForTlsSettings);
            }
        }
        else
        {
            if (tls.CertificateKeyFile is null)
            {
                Fail("net.tls.certificateKeyFile", NeedCertificateKeyFile);
            }

            if (tls.CRLFile is not null && tls.CAFile is null)
            {
                Fail("net.tls.CAFile", NeedCAFileWithCRLFile);
            }

            // mongod requires the CA file for clusterAuthMode x509 only; the transition modes may still use keys.
            if (tls.CAFile is null && security.ClusterAuthMode == ClusterAuthMode.X509)
            {
                Fail("net.tls.CAFile", NeedCAFileForX509ClusterAuth);
            }

            if (tls.DisabledProtocols == TlsProtocols.All)
            {
                Fail(DisabledProtocolsKey, $"{AllProtocolsDisabled} (net.tls.disabledProtocols leaves no TLS version; remove TLS1_2 or TLS1_3 from it)");
            }
        }

        if (security.ClusterAuthMode is { } clusterAuthMode)
        {
            if (clusterAuthMode.AllowsX509())
            {
                if (!tls.IsEnabled)
                {
                    Fail("net.tls.mode", $"{NeedTlsForX509ClusterAuth} (clusterAuthMode {clusterAuthMode.ToMongodName()} authenticates members with certificates)");
                }

                if (!options.Parameters.EnforceUserClusterSeparation)
                {
                    Fail("setParameter.enforceUserClusterSeparation", X509ClusterAuthWithoutSeparation);
                }
            }

            if (tls.Mode == TlsMode.AllowTls && clusterAuthMode.SendsX509() && !security.TransitionToAuth)
            {
                Fail("net.tls.mode", X509ClusterAuthInAllowTls);
            }
        }

        ValidateClusterAuthX509(tls.ClusterAuthX509, security);
        ValidateParameters(options);
    }

    private static void ValidateClusterAuthX509(ClusterAuthX509Options clusterAuthX509, SecurityOptions security)
    {
        if (clusterAuthX509.Attributes is { } attributes)
        {
            if (!security.ClusterAuthAllowsX509)
            {
                Fail("net.tls.clusterAuthX509.attributes", AttributesNeedX509ClusterAuth);
            }

            ParseDN("net.tls.clusterAuthX509.attributes", "net.tls.clusterAuthX509.attributes: ", attributes);
        }

        if (clusterAuthX509.ExtensionValue is { } extensionValue)
        {
            if (!security.ClusterAuthAllowsX509)
            {
                Fail("net.tls.clusterAuthX509.extensionValue", ExtensionValueNeedsX509ClusterAuth);
            }

            if (extensionValue.Length == 0)
            {
                Fail("net.tls.clusterAuthX509.extensionValue", "net.tls.clusterAuthX509.extensionValue must not be empty");
            }
        }
    }

    private static void ValidateParameters(ServerOptions options)
    {
        var parameters = options.Parameters;
        if (parameters.TlsClusterAuthX509Override?.Attributes is { } overrideAttributes)
        {
            ParseDN(
                SettingCatalog.Parameter(ClusterAuthX509OverrideParameter.Name),
                $"Bad value for parameter \"{ClusterAuthX509OverrideParameter.Name}\": attributes: ",
                overrideAttributes);
        }

        if (parameters.TlsX509ClusterAuthDNOverride is { } dnOverride)
        {
            const string name = "tlsX509ClusterAuthDNOverride";
            ParseDN(SettingCatalog.Parameter(name), $"Bad value for parameter \"{name}\": ", dnOverride);
            if (options.Net.Tls.ClusterAuthX509.IsSet || parameters.TlsClusterAuthX509Override is not null)
            {
                Fail(SettingCatalog.Parameter(name), DNOverrideConflict);
            }
        }
    }

    // DN settings are read with mongod's parser (Tessera.Security), so a DN that starts here also matches at
    // run time; the parser's reason is kept and the setting named in front of it.
    private static void ParseDN(string setting, string messagePrefix, string dn)
    {
        try
        {
            DistinguishedNameParser.ParseNormalized(dn);
        }
        catch (Exception e) when (e is DistinguishedNameException or NameNormalizationException)
        {
            Fail(setting, messagePrefix + e.Message);
        }
    }

    private static void Fail(string setting, string message) => throw new ServerConfigurationException(setting, message);
}
