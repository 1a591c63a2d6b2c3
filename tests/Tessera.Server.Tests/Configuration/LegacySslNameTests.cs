using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class LegacySslNameTests
{
    [Fact]
    public void Ssl_options_are_canonicalised_to_their_tls_names()
    {
        var options = Parse(
            "--sslMode", "requireSSL",
            "--sslPEMKeyFile", "server.pem",
            "--sslPEMKeyPassword", "old-secret",
            "--sslCAFile", "ca.pem",
            "--sslClusterFile", "cluster.pem",
            "--sslClusterCAFile", "cluster-ca.pem",
            "--sslCRLFile", "crl.pem",
            "--sslAllowInvalidHostnames",
            "--sslAllowConnectionsWithoutCertificates",
            "--sslDisabledProtocols", "TLS1_0");

        var tls = options.Net.Tls;
        Assert.Equal(TlsMode.RequireTls, tls.Mode);
        Assert.Equal("server.pem", tls.CertificateKeyFile);
        Assert.Equal("old-secret", tls.CertificateKeyFilePassword?.Reveal());
        Assert.Equal("ca.pem", tls.CAFile);
        Assert.Equal("cluster.pem", tls.ClusterFile);
        Assert.Equal("cluster-ca.pem", tls.ClusterCAFile);
        Assert.Equal("crl.pem", tls.CRLFile);
        Assert.True(tls.AllowInvalidHostnames);
        Assert.True(tls.AllowConnectionsWithoutCertificates);
        Assert.Equal(TlsProtocols.Tls1_0, tls.DisabledProtocols);
        Assert.Contains("net.tls.certificateKeyFile", options.GivenSettings);
    }

    [Theory]
    [InlineData("allowSSL", TlsMode.AllowTls)]
    [InlineData("preferSSL", TlsMode.PreferTls)]
    public void Ssl_mode_values_have_SSL_replaced_by_TLS(string sslMode, TlsMode expected)
    {
        Assert.Equal(expected, Parse("--sslMode", sslMode, "--sslPEMKeyFile", "s.pem").Net.Tls.Mode);
    }

    [Fact]
    public void Legacy_yaml_keys_and_parameter_names_are_canonicalised()
    {
        using var file = new TempConfigFile("""
            net:
              ssl:
                mode: requireSSL
                PEMKeyFile: server.pem
                allowInvalidCertificates: true
            setParameter:
              sslWithholdClientCertificate: true
              disableNonSSLConnectionLogging: true
            """);

        var options = Parse("-f", file.Path);

        Assert.Equal(TlsMode.RequireTls, options.Net.Tls.Mode);
        Assert.Equal("server.pem", options.Net.Tls.CertificateKeyFile);
        Assert.True(options.Net.Tls.AllowInvalidCertificates);
        Assert.True(options.Parameters.TlsWithholdClientCertificate);
        Assert.True(options.Parameters.DisableNonTLSConnectionLogging);
    }

    [Fact]
    public void Ssl_on_normal_ports_is_requireTLS_and_cannot_be_combined_with_a_mode()
    {
        Assert.Equal(TlsMode.RequireTls, Parse("--sslOnNormalPorts", "--sslPEMKeyFile", "s.pem").Net.Tls.Mode);

        var refusal = Refusal("--sslOnNormalPorts", "--tlsMode", "preferTLS", "--sslPEMKeyFile", "s.pem");
        Assert.Contains("'--sslOnNormalPorts' is deprecated and cannot be combined with '--tlsMode'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_setting_under_both_names_in_one_file_is_refused()
    {
        using var file = new TempConfigFile("net:\n  ssl:\n    CAFile: a.pem\n  tls:\n    CAFile: b.pem\n");

        Assert.Contains("'net.ssl.CAFile' and 'net.tls.CAFile' both set net.tls.CAFile", Refusal("-f", file.Path).Message, StringComparison.Ordinal);
    }
}
