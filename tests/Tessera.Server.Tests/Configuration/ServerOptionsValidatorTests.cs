using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

/// <summary>mongod's start-up checks (server-behavior.md §3.3, §3.5, §4.3), each with mongod's message.</summary>
public class ServerOptionsValidatorTests
{
    private static readonly string[] X509Cluster = ["--clusterAuthMode", "x509"];

    [Fact]
    public void An_unknown_tls_mode_is_refused_with_mongods_words()
    {
        var refusal = Refusal("--tlsMode", "requiredTLS");

        Assert.Equal("unsupported value for tlsMode requiredTLS", refusal.Message);
        Assert.Equal("net.tls.mode", refusal.Setting);
    }

    [Fact]
    public void Tls_needs_a_certificate_key_file()
    {
        Assert.Equal(ServerOptionsValidator.NeedCertificateKeyFile, Refusal("--tlsMode", "preferTLS").Message);
        Assert.Equal("need tlsCertificateKeyFile or certificateSelector when TLS is enabled", ServerOptionsValidator.NeedCertificateKeyFile);
    }

    [Fact]
    public void A_crl_file_needs_a_ca_file()
    {
        var refusal = Refusal("--tlsMode", "requireTLS", "--tlsCertificateKeyFile", "s.pem", "--tlsCRLFile", "crl.pem");

        Assert.Equal("need tlsCAFile with tlsCRLFile", refusal.Message);
    }

    [Theory]
    [InlineData("--tlsCertificateKeyFile", "s.pem")]
    [InlineData("--tlsCAFile", "ca.pem")]
    [InlineData("--tlsCRLFile", "crl.pem")]
    [InlineData("--tlsClusterFile", "c.pem")]
    [InlineData("--tlsCertificateKeyFilePassword", "pw")]
    [InlineData("--tlsDisabledProtocols", "none")]
    public void Tls_settings_with_tls_disabled_are_refused(string option, string value)
    {
        var refusal = Refusal(option, value);

        Assert.Equal("need to enable TLS via the sslMode/tlsMode flag when using TLS configuration parameters", refusal.Message);
        Assert.StartsWith("net.tls.", refusal.Setting, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowing_connections_without_certificates_needs_tls_too()
    {
        Assert.Equal(ServerOptionsValidator.NeedTlsForTlsSettings, Refusal("--tlsAllowConnectionsWithoutCertificates").Message);
    }

    [Fact]
    public void An_unknown_protocol_is_named()
    {
        Assert.Equal("Unrecognized disabledProtocols 'TLS1_4'", Refusal(WithTls("--tlsDisabledProtocols", "TLS1_2,TLS1_4")).Message);
        Assert.Equal("Unrecognized disabledProtocols 'tls1_0'", Refusal(WithTls("--tlsDisabledProtocols", "tls1_0")).Message);
        Assert.Equal("Unrecognized tlsLogVersions 'SSL3'", Refusal(WithTls("--tlsLogVersions", "SSL3")).Message);
    }

    [Fact]
    public void Disabling_every_protocol_is_refused()
    {
        var refusal = Refusal(WithTls("--tlsDisabledProtocols", "TLS1_0,TLS1_1,TLS1_2,TLS1_3"));

        Assert.StartsWith("All valid TLS modes disabled", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("net.tls.disabledProtocols", refusal.Setting);
    }

    [Theory]
    [InlineData("x509")]
    [InlineData("sendX509")]
    [InlineData("sendKeyFile")]
    public void X509_cluster_authentication_needs_tls(string mode)
    {
        var refusal = Refusal("--clusterAuthMode", mode);

        Assert.StartsWith("need to enable TLS via the tlsMode flag", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sslMode", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_file_cluster_authentication_does_not_need_tls()
    {
        Assert.Equal(ClusterAuthMode.KeyFile, Parse("--clusterAuthMode", "keyFile", "--keyFile", "k").Security.ClusterAuthMode);
    }

    [Theory]
    [InlineData("x509")]
    [InlineData("sendX509")]
    [InlineData("sendKeyFile")]
    public void X509_cluster_authentication_needs_user_cluster_separation(string mode)
    {
        var refusal = Refusal(WithTls("--clusterAuthMode", mode, "--setParameter", "enforceUserClusterSeparation=false"));

        Assert.Equal("cannot have have x.509 cluster authentication while not enforcing user cluster separation", refusal.Message);
        Assert.Equal("setParameter.enforceUserClusterSeparation", refusal.Setting);
    }

    [Fact]
    public void Without_x509_cluster_authentication_user_cluster_separation_may_be_off()
    {
        Assert.False(Parse(WithTls("--setParameter", "enforceUserClusterSeparation=false")).Parameters.EnforceUserClusterSeparation);
    }

    [Theory]
    [InlineData("x509", true)]
    [InlineData("sendX509", true)]
    [InlineData("sendKeyFile", false)]
    public void AllowTLS_refuses_sending_certificates_to_members_unless_transitioning(string mode, bool refused)
    {
        string[] args = ["--tlsMode", "allowTLS", "--tlsCertificateKeyFile", "s.pem", "--tlsCAFile", "ca.pem", "--clusterAuthMode", mode];

        if (refused)
        {
            Assert.Equal("cannot have x.509 cluster authentication in allowTLS mode", Refusal(args).Message);
        }
        else
        {
            Parse(args);
        }

        Parse([.. args, "--transitionToAuth"]);
    }

    [Fact]
    public void X509_cluster_authentication_needs_a_ca_file()
    {
        var refusal = Refusal("--tlsMode", "requireTLS", "--tlsCertificateKeyFile", "s.pem", "--clusterAuthMode", "x509");

        Assert.Equal(
            "No TLS certificate validation can be performed since no CA file has been provided; please specify an tlsCAFile parameter",
            refusal.Message);
    }

    [Fact]
    public void An_unknown_cluster_auth_mode_is_named()
    {
        Assert.StartsWith("unsupported value for clusterAuthMode X509", Refusal(WithTls("--clusterAuthMode", "X509")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_attributes_need_a_mode_that_allows_x509()
    {
        Assert.Equal(
            "Cannot set clusterAuthX509.attributes when clusterAuthMode does not allow X.509",
            Refusal(WithTls("--tlsClusterAuthX509Attributes", "O=MongoDB")).Message);
        Assert.Equal(
            "Cannot set clusterAuthX509.attributes when clusterAuthMode does not allow X.509",
            Refusal(WithTls("--clusterAuthMode", "keyFile", "--tlsClusterAuthX509Attributes", "O=MongoDB")).Message);
    }

    [Fact]
    public void The_cluster_extension_value_needs_a_mode_that_allows_x509()
    {
        Assert.Equal(
            "net.tls.clusterAuthX509.extensionValue requires a clusterAuthMode which allows for usage of X509",
            Refusal(WithTls("--tlsClusterAuthX509ExtensionValue", "prod")).Message);
        Assert.Equal("prod", Parse(WithTls([.. X509Cluster, "--tlsClusterAuthX509ExtensionValue", "prod"])).Net.Tls.ClusterAuthX509.ExtensionValue);
    }

    [Fact]
    public void Attributes_and_extension_value_exclude_each_other()
    {
        var refusal = Refusal(WithTls([.. X509Cluster, "--tlsClusterAuthX509Attributes", "O=MongoDB", "--tlsClusterAuthX509ExtensionValue", "prod"]));

        Assert.Equal(
            "net.tls.clusterAuthX509.attributes is not allowed when net.tls.clusterAuthX509.extensionValue is specified",
            refusal.Message);
    }

    [Fact]
    public void A_malformed_attributes_dn_names_the_setting_and_keeps_the_parsers_reason()
    {
        var refusal = Refusal(WithTls([.. X509Cluster, "--tlsClusterAuthX509Attributes", "O=MongoDB,OU"]));

        Assert.Equal("net.tls.clusterAuthX509.attributes: Overflowed string while parsing DN string", refusal.Message);
        Assert.Equal("net.tls.clusterAuthX509.attributes", refusal.Setting);
        Assert.Equal(
            "net.tls.clusterAuthX509.attributes: DN contained an unknown OID XYZ",
            Refusal(WithTls([.. X509Cluster, "--tlsClusterAuthX509Attributes", "XYZ=1"])).Message);
    }

    [Fact]
    public void The_dn_override_is_parsed_and_an_empty_value_clears_it()
    {
        Assert.Equal("O=Other,OU=Servers", Parse(WithTls("--setParameter", "tlsX509ClusterAuthDNOverride=O=Other,OU=Servers")).Parameters.TlsX509ClusterAuthDNOverride);
        Assert.Null(Parse(WithTls("--setParameter", "tlsX509ClusterAuthDNOverride=")).Parameters.TlsX509ClusterAuthDNOverride);
        Assert.Equal(
            "Bad value for parameter \"tlsX509ClusterAuthDNOverride\": Found unescaped character that should be escaped: '<'",
            Refusal(WithTls("--setParameter", "tlsX509ClusterAuthDNOverride=O=a<b")).Message);
    }

    [Theory]
    [InlineData("--tlsClusterAuthX509Attributes", "O=MongoDB")]
    [InlineData("--tlsClusterAuthX509ExtensionValue", "prod")]
    [InlineData("--setParameter", "tlsClusterAuthX509Override={\"attributes\": \"O=Old\"}")]
    public void The_dn_override_cannot_be_combined_with_other_membership_rules(string option, string value)
    {
        var refusal = Refusal(WithTls([.. X509Cluster, "--setParameter", "tlsX509ClusterAuthDNOverride=O=Other", option, value]));

        Assert.Equal(
            "tlsX509ClusterAuthDNOverride cannot be set alongside tlsClusterAuthX509Attributes, tlsClusterAuthX509OverrideAttributes, "
            + "tlsClusterAuthX509ExtensionValue, or tlsClusterAuthX509OverrideExtensionValue",
            refusal.Message);
    }

    [Theory]
    [InlineData("\"O=MongoDB\"", "Value must be an object")]
    [InlineData("{\"attributes\": \"O=A\", \"extensionValue\": \"v\"}", "At most one of attributes or extensionValue can be specified for tlsClusterAuthX509Override")]
    [InlineData("{\"attribute\": \"O=A\"}", "BSON field 'tlsClusterAuthX509Override.attribute' is an unknown field.")]
    [InlineData("{\"attributes\": \"O=A,OU\"}", "attributes: Overflowed string while parsing DN string")]
    public void The_cluster_override_is_checked_as_mongod_checks_it(string json, string reason)
    {
        var refusal = Refusal(WithTls([.. X509Cluster, "--setParameter", $"tlsClusterAuthX509Override={json}"]));

        Assert.Equal($"Bad value for parameter \"tlsClusterAuthX509Override\": {reason}", refusal.Message);
    }

    [Fact]
    public void Bounded_parameters_refuse_values_outside_their_bounds()
    {
        Assert.Equal(
            "Bad value for parameter \"tlsX509ExpirationWarningThresholdDays\": must be greater than or equal to 0, not -1",
            Refusal("--setParameter", "tlsX509ExpirationWarningThresholdDays=-1").Message);
        Assert.Equal(
            "Bad value for parameter \"authFailedDelayMs\": must be between 0 and 5000, not 6000",
            Refusal("--setParameter", "authFailedDelayMs=6000").Message);
        Assert.Contains("between 0 and 65535, not 70000", Refusal("--port", "70000").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentication_mechanisms_accept_mongods_names_and_refuse_others()
    {
        var parameters = Parse("--setParameter", "authenticationMechanisms=SCRAM-SHA-256,MONGODB-X509").Parameters;
        Assert.Equal(["SCRAM-SHA-256", "MONGODB-X509"], parameters.AuthenticationMechanisms);
        Assert.False(Parse("--setParameter", "authenticationMechanisms=SCRAM-SHA-1").Parameters.X509AuthenticationEnabled);

        Assert.Equal(
            "Bad value for parameter \"authenticationMechanisms\": unknown mechanism 'MONGODB-X590'; did you mean 'MONGODB-X509'?",
            Refusal("--setParameter", "authenticationMechanisms=MONGODB-X590").Message);
    }

    [Fact]
    public void A_complete_x509_cluster_configuration_passes()
    {
        var options = Parse(WithTls([.. X509Cluster, "--tlsClusterAuthX509Attributes", "O=MongoDB, OU=Server", "--setParameter",
            "tlsClusterAuthX509Override={\"attributes\": \"O=MongoDB, OU=Old\"}"]));

        Assert.True(options.Security.ClusterAuthAllowsX509);
        Assert.True(options.Security.AuthorizationEnabled); // cluster authentication implies authorization, as in mongod
        Assert.NotNull(options.Parameters.TlsClusterAuthX509Override?.ToCriteria());
    }
}
