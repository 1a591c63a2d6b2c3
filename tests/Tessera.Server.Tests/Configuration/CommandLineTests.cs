using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class CommandLineTests
{
    [Fact]
    public void A_value_follows_the_option_or_comes_after_an_equals_sign()
    {
        Assert.Equal(27018, Parse("--port", "27018").Net.Port);
        Assert.Equal(27019, Parse("--port=27019").Net.Port);
    }

    [Fact]
    public void Switches_take_no_value_and_leave_the_next_argument_alone()
    {
        var options = Parse(WithTls("--tlsAllowInvalidCertificates", "--port", "1234", "--auth"));

        Assert.True(options.Net.Tls.AllowInvalidCertificates);
        Assert.Equal(1234, options.Net.Port);
        Assert.Equal(AuthorizationMode.Enabled, options.Security.Authorization);
        Assert.True(options.Security.AuthorizationEnabled);
    }

    [Fact]
    public void A_switch_may_be_given_true_or_false_explicitly()
    {
        Assert.False(Parse(WithTls("--tlsAllowInvalidHostnames=false")).Net.Tls.AllowInvalidHostnames);
        Assert.True(Parse(WithTls("--tlsAllowInvalidHostnames=true")).Net.Tls.AllowInvalidHostnames);
    }

    [Fact]
    public void Noauth_disables_authorization_even_with_a_key_file()
    {
        var options = Parse("--noauth", "--keyFile", "/etc/key");

        Assert.Equal(AuthorizationMode.Disabled, options.Security.Authorization);
        Assert.False(options.Security.AuthorizationEnabled);
        Assert.True(Parse("--keyFile", "/etc/key").Security.AuthorizationEnabled);
    }

    [Fact]
    public void Bind_ip_is_a_comma_list_and_bind_ip_all_listens_everywhere()
    {
        Assert.Equal(["127.0.0.1", "::1", "db.example"], Parse("--bind_ip", "127.0.0.1, ::1,db.example").Net.BindIp);
        Assert.True(Parse("--bind_ip_all").Net.BindIpAll);
    }

    [Fact]
    public void Set_parameter_repeats_and_accepts_both_spellings()
    {
        var parameters = Parse(
            "--setParameter", "authFailedDelayMs=250",
            "--setParameter=ocspEnabled=false",
            "--setParameter", "tlsX509ExpirationWarningThresholdDays=7",
            "--setParameter", "suppressNoTLSPeerCertificateWarning=1").Parameters;

        Assert.Equal(250, parameters.AuthFailedDelayMs);
        Assert.False(parameters.OcspEnabled);
        Assert.Equal(7, parameters.TlsX509ExpirationWarningThresholdDays);
        Assert.True(parameters.SuppressNoTLSPeerCertificateWarning);
    }

    [Fact]
    public void Every_other_option_reaches_its_place_in_the_model()
    {
        var options = Parse(WithTls(
            "--maxConns", "500",
            "--tlsCertificateKeyFilePassword", "pem-secret",
            "--tlsClusterFile", "cluster.pem",
            "--tlsClusterPassword=cluster-secret",
            "--tlsClusterCAFile", "cluster-ca.pem",
            "--tlsCRLFile", "crl.pem",
            "--tlsAllowConnectionsWithoutCertificates",
            "--tlsDisabledProtocols", "TLS1_0",
            "--tlsLogVersions", "TLS1_2,TLS1_3",
            "--clusterAuthMode", "x509",
            "--tlsClusterAuthX509Attributes", "O=MongoDB, OU=Server",
            "--dbpath", "/var/lib/tessera",
            "--quiet",
            "-vvv"));

        var tls = options.Net.Tls;
        Assert.Equal(500, options.Net.MaxIncomingConnections);
        Assert.Equal(TlsMode.RequireTls, tls.Mode);
        Assert.Equal("server.pem", tls.CertificateKeyFile);
        Assert.Equal("pem-secret", tls.CertificateKeyFilePassword?.Reveal());
        Assert.Equal("cluster.pem", tls.ClusterFile);
        Assert.Equal("cluster-secret", tls.ClusterPassword?.Reveal());
        Assert.Equal("cluster-ca.pem", tls.ClusterCAFile);
        Assert.Equal("cluster-ca.pem", tls.IncomingCAFile);
        Assert.Equal("crl.pem", tls.CRLFile);
        Assert.True(tls.AllowConnectionsWithoutCertificates);
        Assert.Equal(TlsProtocols.Tls1_0, tls.DisabledProtocols);
        Assert.Equal(TlsProtocols.Tls1_2 | TlsProtocols.Tls1_3, tls.LogVersions);
        Assert.Equal("O=MongoDB, OU=Server", tls.ClusterAuthX509.Attributes);
        Assert.NotNull(tls.ClusterAuthX509.ToCriteria()?.Attributes);
        Assert.Equal(ClusterAuthMode.X509, options.Security.ClusterAuthMode);
        Assert.Equal("/var/lib/tessera", options.Storage.DbPath);
        Assert.True(options.SystemLog.Quiet);
        Assert.Equal(3, options.SystemLog.Verbosity);
    }

    [Theory]
    [InlineData("none", TlsProtocols.None)]
    [InlineData("TLS1_0,TLS1_1,TLS1_2", TlsProtocols.Tls1_0 | TlsProtocols.Tls1_1 | TlsProtocols.Tls1_2)]
    [InlineData("noTLS1_0,noTLS1_3", TlsProtocols.Tls1_0 | TlsProtocols.Tls1_3)]
    public void Disabled_protocols_take_mongods_forms(string value, TlsProtocols expected)
    {
        Assert.Equal(expected, Parse(WithTls("--tlsDisabledProtocols", value)).Net.Tls.DisabledProtocols);
    }

    [Theory]
    [InlineData("disabled", TlsMode.Disabled)]
    [InlineData("allowTLS", TlsMode.AllowTls)]
    [InlineData("preferTLS", TlsMode.PreferTls)]
    [InlineData("requireTLS", TlsMode.RequireTls)]
    public void Each_tls_mode_is_read(string name, TlsMode mode)
    {
        string[] args = mode == TlsMode.Disabled ? ["--tlsMode", name] : ["--tlsMode", name, "--tlsCertificateKeyFile", "s.pem"];

        Assert.Equal(mode, Parse(args).Net.Tls.Mode);
        Assert.Equal(name, mode.ToMongodName());
    }

    [Fact]
    public void Tls_on_normal_ports_means_requireTLS()
    {
        Assert.Equal(TlsMode.RequireTls, Parse("--tlsOnNormalPorts", "--tlsCertificateKeyFile", "s.pem").Net.Tls.Mode);
        Assert.Contains("net.tls.mode", Parse("--tlsOnNormalPorts", "--tlsCertificateKeyFile", "s.pem").GivenSettings);
    }

    [Fact]
    public void A_password_option_without_a_value_asks_for_a_prompt_and_does_not_swallow_the_next_option()
    {
        var options = Parse(WithTls("--tlsCertificateKeyFilePassword", "--port", "2000"));

        Assert.True(options.Net.Tls.CertificateKeyFilePassword?.IsEmpty);
        Assert.Equal(2000, options.Net.Port);
    }

    [Fact]
    public void Giving_an_option_twice_is_refused()
    {
        Assert.Equal(
            "Error parsing command line: option '--port' cannot be specified more than once",
            Refusal("--port", "1", "--port", "2").Message);
        Assert.Contains("'--sslCAFile' and '--tlsCAFile' both set net.tls.CAFile", Refusal("--sslCAFile", "a", "--tlsCAFile", "b").Message);
    }

    [Fact]
    public void A_missing_value_and_a_stray_argument_are_named()
    {
        Assert.Equal("Error parsing command line: the required argument for option '--port' is missing", Refusal("--port").Message);
        Assert.Contains("('27017')", Refusal("27017").Message);
        Assert.Contains("--setParameter expects name=value, not 'ocspEnabled'", Refusal("--setParameter", "ocspEnabled").Message);
    }

    [Fact]
    public void Parse_without_validation_lets_the_caller_complete_the_options_before_checking()
    {
        var partial = ServerOptionsParser.ParseWithoutValidation(["--tlsMode", "requireTLS"]);
        var completed = partial with { Net = partial.Net with { Tls = partial.Net.Tls with { CertificateKeyFile = "dev/server.pem" } } };

        Assert.Throws<ServerConfigurationException>(() => ServerOptionsValidator.Validate(partial));
        ServerOptionsValidator.Validate(completed);
    }
}
