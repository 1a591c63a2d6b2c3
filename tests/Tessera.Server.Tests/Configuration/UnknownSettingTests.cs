using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class UnknownSettingTests
{
    [Fact]
    public void An_unknown_option_is_named_with_the_closest_known_one()
    {
        Assert.Equal(
            "Error parsing command line: unrecognised option '--tlsCAfile'; did you mean '--tlsCAFile'?",
            Refusal("--tlsCAfile", "ca.pem").Message);
        Assert.Equal(
            "Error parsing command line: unrecognised option '--bindIp'; did you mean '--bind_ip'?",
            Refusal("--bindIp=0.0.0.0").Message);
    }

    [Fact]
    public void A_name_far_from_every_option_gets_no_guess()
    {
        Assert.Equal("Error parsing command line: unrecognised option '--frobnicate'", Refusal("--frobnicate").Message);
        Assert.Equal("Error parsing command line: unrecognised option '-x'", Refusal("-x").Message);
    }

    [Fact]
    public void An_unknown_yaml_key_is_named_with_its_path_and_the_closest_key()
    {
        using var file = new TempConfigFile("net:\n  tls:\n    certificateKeyfile: s.pem\n");

        var refusal = Refusal("-f", file.Path);

        Assert.Equal(
            $"Error parsing YAML config file: {file.Path}: unrecognised option 'net.tls.certificateKeyfile'; did you mean 'net.tls.certificateKeyFile'?",
            refusal.Message);
        Assert.Equal("net.tls.certificateKeyfile", refusal.Setting);
    }

    [Fact]
    public void An_unknown_yaml_section_is_named_where_it_starts()
    {
        using var file = new TempConfigFile("nett:\n  port: 1\n");

        Assert.EndsWith("unrecognised option 'nett'; did you mean 'net'?", Refusal("-f", file.Path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mongod_key_Tessera_does_not_implement_says_so()
    {
        using var file = new TempConfigFile("systemLog:\n  destination: file\n  path: /var/log/mongod.log\n");

        Assert.EndsWith("'systemLog.destination' is a mongod option Tessera does not support; remove it from the file", Refusal("-f", file.Path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_with_mongods_words_and_a_hint()
    {
        Assert.Equal(
            "Illegal --setParameter parameter: \"enforceUserClusterSeperation\"; did you mean 'enforceUserClusterSeparation'?",
            Refusal("--setParameter", "enforceUserClusterSeperation=true").Message);

        using var file = new TempConfigFile("setParameter:\n  ocspEnable: false\n");
        Assert.Equal("Illegal --setParameter parameter: \"ocspEnable\"; did you mean 'ocspEnabled'?", Refusal("-f", file.Path).Message);
    }

    [Fact]
    public void The_runtime_only_tls_mode_parameter_cannot_be_set_at_start_up()
    {
        Assert.StartsWith("Cannot use --setParameter to set \"tlsMode\" at startup", Refusal("--setParameter", "tlsMode=requireTLS").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_types_name_the_setting_and_the_expected_type()
    {
        Assert.Equal("Error parsing command line: option '--port' expects an integer, not 'abc'", Refusal("--port", "abc").Message);
        Assert.Equal("Error parsing command line: option '--maxConns' must be greater than or equal to 1, not 0", Refusal("--maxConns", "0").Message);
        Assert.Equal(
            "Error parsing command line: option '--tlsAllowInvalidCertificates' expects true or false, not 'maybe'",
            Refusal("--tlsAllowInvalidCertificates=maybe").Message);
        Assert.Equal(
            "Bad value for parameter \"ocspEnabled\": expects true or false, not 'maybe'",
            Refusal("--setParameter", "ocspEnabled=maybe").Message);
    }

    [Fact]
    public void Wrong_types_in_the_file_name_the_yaml_key()
    {
        using var port = new TempConfigFile("net:\n  port: abc\n");
        using var flag = new TempConfigFile("net:\n  tls:\n    allowInvalidHostnames: maybe\n");
        using var authorization = new TempConfigFile("security:\n  authorization: on\n");

        Assert.Equal($"Error parsing YAML config file: {port.Path}: option 'net.port' expects an integer, not 'abc'", Refusal("-f", port.Path).Message);
        Assert.Equal(
            $"Error parsing YAML config file: {flag.Path}: option 'net.tls.allowInvalidHostnames' expects true or false, not 'maybe'",
            Refusal("-f", flag.Path).Message);
        Assert.Equal(
            $"Error parsing YAML config file: {authorization.Path}: option 'security.authorization' expects 'enabled' or 'disabled', not 'on'",
            Refusal("-f", authorization.Path).Message);
    }
}
