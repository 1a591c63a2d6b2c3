using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class YamlConfigFileTests
{
    private const string MongodStyleFile = """
        # as an operator's mongod.conf would have it
        net:
          port: 28017
          bindIp: 127.0.0.1,10.0.0.5
          maxIncomingConnections: 2000
          tls:
            mode: requireTLS
            certificateKeyFile: /etc/ssl/server.pem
            certificateKeyFilePassword: "file-secret"
            CAFile: /etc/ssl/ca.pem
            CRLFile: /etc/ssl/crl.pem
            allowConnectionsWithoutCertificates: true
            disabledProtocols: TLS1_0,TLS1_1
            clusterAuthX509:
              attributes: "O=MongoDB, OU=MongoDB Server"
        security:
          authorization: enabled
          clusterAuthMode: x509
        storage:
          dbPath: /var/lib/tessera
        systemLog:
          verbosity: 2
        setParameter:
          enforceUserClusterSeparation: true
          authFailedDelayMs: 100
          ocspEnabled: false
          tlsX509ExpirationWarningThresholdDays: 14
        """;

    [Fact]
    public void Nested_keys_and_set_parameter_are_read()
    {
        using var file = new TempConfigFile(MongodStyleFile);

        var options = Parse("--config", file.Path);

        Assert.Equal(28017, options.Net.Port);
        Assert.Equal(["127.0.0.1", "10.0.0.5"], options.Net.BindIp);
        Assert.Equal(2000, options.Net.MaxIncomingConnections);
        Assert.Equal(TlsMode.RequireTls, options.Net.Tls.Mode);
        Assert.Equal("/etc/ssl/server.pem", options.Net.Tls.CertificateKeyFile);
        Assert.Equal("file-secret", options.Net.Tls.CertificateKeyFilePassword?.Reveal());
        Assert.Equal("/etc/ssl/ca.pem", options.Net.Tls.CAFile);
        Assert.Equal("/etc/ssl/crl.pem", options.Net.Tls.CRLFile);
        Assert.True(options.Net.Tls.AllowConnectionsWithoutCertificates);
        Assert.Equal("O=MongoDB, OU=MongoDB Server", options.Net.Tls.ClusterAuthX509.Attributes);
        Assert.Equal(AuthorizationMode.Enabled, options.Security.Authorization);
        Assert.Equal(ClusterAuthMode.X509, options.Security.ClusterAuthMode);
        Assert.Equal("/var/lib/tessera", options.Storage.DbPath);
        Assert.Equal(2, options.SystemLog.Verbosity);
        Assert.Equal(100, options.Parameters.AuthFailedDelayMs);
        Assert.False(options.Parameters.OcspEnabled);
        Assert.Equal(14, options.Parameters.TlsX509ExpirationWarningThresholdDays);
        Assert.Equal(file.Path, options.ConfigFile);
    }

    [Fact]
    public void The_short_f_form_reads_the_same_file()
    {
        using var file = new TempConfigFile("net:\n  port: 29017\n");

        Assert.Equal(29017, Parse("-f", file.Path).Net.Port);
        Assert.Equal(29017, Parse($"--config={file.Path}").Net.Port);
    }

    [Fact]
    public void Dotted_keys_work_as_in_mongods_parser()
    {
        using var file = new TempConfigFile("net.port: 27999\nnet:\n  tls.mode: disabled\n");

        var options = Parse("-f", file.Path);

        Assert.Equal(27999, options.Net.Port);
        Assert.Contains("net.tls.mode", options.GivenSettings);
    }

    [Fact]
    public void The_command_line_overrides_the_file()
    {
        using var file = new TempConfigFile(MongodStyleFile);

        var options = Parse(
            "--config", file.Path, "--port", "30000", "--tlsMode", "preferTLS",
            "--setParameter", "authFailedDelayMs=5", "--tlsCertificateKeyFilePassword", "cli-secret");

        Assert.Equal(30000, options.Net.Port);
        Assert.Equal(TlsMode.PreferTls, options.Net.Tls.Mode);
        Assert.Equal(5, options.Parameters.AuthFailedDelayMs);
        Assert.Equal("cli-secret", options.Net.Tls.CertificateKeyFilePassword?.Reveal());
        Assert.Equal("/etc/ssl/ca.pem", options.Net.Tls.CAFile); // untouched settings keep the file's value
        Assert.False(options.Parameters.OcspEnabled);
    }

    [Fact]
    public void The_cluster_override_parameter_may_be_a_yaml_mapping_or_a_json_string()
    {
        const string common = "net:\n  tls:\n    mode: requireTLS\n    certificateKeyFile: s.pem\n    CAFile: ca.pem\nsecurity:\n  clusterAuthMode: x509\n";
        using var mapping = new TempConfigFile(common + "setParameter:\n  tlsClusterAuthX509Override:\n    attributes: O=MongoDB, OU=Old\n");
        using var json = new TempConfigFile(common + "setParameter:\n  tlsClusterAuthX509Override: '{\"extensionValue\": \"prod\"}'\n");

        Assert.Equal("O=MongoDB, OU=Old", Parse("-f", mapping.Path).Parameters.TlsClusterAuthX509Override?.Attributes);
        Assert.Equal("prod", Parse("-f", json.Path).Parameters.TlsClusterAuthX509Override?.ExtensionValue);
    }

    [Fact]
    public void An_empty_file_changes_nothing()
    {
        using var file = new TempConfigFile("# nothing yet\n");

        Assert.Equal(27017, Parse("-f", file.Path).Net.Port);
    }

    [Fact]
    public void A_missing_file_and_malformed_yaml_are_reported_with_the_file_name()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.yaml");
        Assert.StartsWith($"Error reading config file '{missing}'", Refusal("-f", missing).Message, StringComparison.Ordinal);

        using var file = new TempConfigFile("net:\n  port: [1,\n");
        Assert.StartsWith($"Error parsing YAML config file: {file.Path}: ", Refusal("-f", file.Path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_where_a_section_is_expected_or_no_value_at_all_is_refused()
    {
        using var mapping = new TempConfigFile("net:\n  port:\n    value: 1\n");
        using var empty = new TempConfigFile("net:\n  port:\n");

        Assert.Contains("option 'net.port' expects an integer, not a mapping", Refusal("-f", mapping.Path).Message, StringComparison.Ordinal);
        Assert.Contains("option 'net.port' has no value", Refusal("-f", empty.Path).Message, StringComparison.Ordinal);
    }
}
