using MongoDB.Bson;
using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class CmdLineOptsReplyTests
{
    private const string PemSecret = "pem-S3cret!";
    private const string ClusterSecret = "cluster-S3cret!";

    [Fact]
    public void Parsed_has_mongods_nested_shape_with_the_listeners_effective_values()
    {
        var reply = CmdLineOptsReply.Render(Parse("--port", "27018"));

        Assert.Equal(new BsonArray { "tessera", "serve", "--port", "27018" }, reply["argv"]);
        var parsed = reply["parsed"].AsBsonDocument;
        Assert.Equal(27018, parsed["net"]["port"].AsInt32);
        Assert.Equal("127.0.0.1", parsed["net"]["bindIp"].AsString);
        Assert.Equal("disabled", parsed["net"]["tls"]["mode"].AsString);
        Assert.Equal("./data", parsed["storage"]["dbPath"].AsString);
        Assert.False(parsed.Contains("security"));
        Assert.False(parsed.Contains("setParameter"));
    }

    [Fact]
    public void Given_settings_and_parameters_appear_under_their_canonical_names()
    {
        using var file = new TempConfigFile("net:\n  ssl:\n    CAFile: ca.pem\n");
        var options = Parse("-f", file.Path, "--sslMode", "requireSSL", "--sslPEMKeyFile", "s.pem", "--bind_ip_all", "--auth",
            "--clusterAuthMode", "x509", "--setParameter", "authFailedDelayMs=10", "--setParameter", "ocspEnabled=false");

        var parsed = CmdLineOptsReply.Render(options)["parsed"].AsBsonDocument;

        Assert.Equal(file.Path, parsed["config"].AsString);
        Assert.Equal("requireTLS", parsed["net"]["tls"]["mode"].AsString);
        Assert.Equal("s.pem", parsed["net"]["tls"]["certificateKeyFile"].AsString);
        Assert.Equal("ca.pem", parsed["net"]["tls"]["CAFile"].AsString);
        Assert.True(parsed["net"]["bindIpAll"].AsBoolean);
        Assert.False(parsed["net"].AsBsonDocument.Contains("bindIp"));
        Assert.False(parsed["net"].AsBsonDocument.Contains("ssl"));
        Assert.Equal("enabled", parsed["security"]["authorization"].AsString);
        Assert.Equal("x509", parsed["security"]["clusterAuthMode"].AsString);
        Assert.Equal(new BsonDocument { { "authFailedDelayMs", 10 }, { "ocspEnabled", false } }, parsed["setParameter"]);
    }

    [Fact]
    public void Passwords_are_redacted_in_argv_and_parsed()
    {
        var options = Parse(WithTls("--tlsCertificateKeyFilePassword", PemSecret, $"--tlsClusterPassword={ClusterSecret}"));

        var reply = CmdLineOptsReply.Render(options);

        var json = reply.ToJson();
        Assert.DoesNotContain(PemSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ClusterSecret, json, StringComparison.Ordinal);
        Assert.Equal("<password>", reply["parsed"]["net"]["tls"]["certificateKeyFilePassword"].AsString);
        Assert.Equal("<password>", reply["parsed"]["net"]["tls"]["clusterPassword"].AsString);
        Assert.Contains("<password>", reply["argv"].AsBsonArray);
        Assert.Contains("--tlsClusterPassword=<password>", reply["argv"].AsBsonArray);
        Assert.DoesNotContain(PemSecret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Passwords_from_the_file_are_redacted_too()
    {
        using var file = new TempConfigFile($"net:\n  ssl:\n    mode: requireSSL\n    PEMKeyFile: s.pem\n    PEMKeyPassword: {PemSecret}\n");

        var json = CmdLineOptsReply.Render(Parse("-f", file.Path)).ToJson();

        Assert.DoesNotContain(PemSecret, json, StringComparison.Ordinal);
        Assert.Contains("<password>", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tlsCertificateKeyFilePassword", PemSecret, "--port", "abc")]
    [InlineData("--tlsCertificateKeyFilePassword", PemSecret, "--unknownOption")]
    [InlineData("--tlsCertificateKeyFilePassword", "--looks-like-an-option", "--port", "x")]
    [InlineData("--tlsCertificateKeyFilePassword", PemSecret)]
    [InlineData("--tlsClusterPassword", ClusterSecret, "--tlsMode", "requireTLS")]
    [InlineData("--sslPEMKeyPassword", PemSecret, "--sslMode", "requireSSL")]
    public void Error_messages_never_contain_a_password(params string[] args)
    {
        var refusal = Refusal(args);

        Assert.DoesNotContain(PemSecret, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClusterSecret, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("looks-like-an-option", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_written_with_a_typo_in_its_option_name_is_not_echoed()
    {
        var refusal = Refusal($"--tlsCertificateKeyFilePasword={PemSecret}");

        Assert.DoesNotContain(PemSecret, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean '--tlsCertificateKeyFilePassword'", refusal.Message, StringComparison.Ordinal);
    }
}
