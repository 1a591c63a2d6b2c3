using System.Text.Json;

namespace Tessera.Client.Tests.Cli;

/// <summary>`tessera uri parse`: the design's CLI contract, and no password in clear on any output.</summary>
public sealed class UriParseCommandTests
{
    private const string Secret = "hunter2-secret";
    private static readonly string Uri =
        $"mongodb://alice:{Secret}@db.example.com:27017/app?TLSCAFILE=ca.pem&tlsCertificateKeyFilePassword={Secret}&proxyHost=p&proxyUsername=u&proxyPassword={Secret}&foo=bar";

    [Fact]
    public void Json_has_canonical_option_names_and_warnings_and_no_secret()
    {
        var (exit, output, error) = TesseraProcess.Run("uri", "parse", Uri, "--json");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(Secret, output + error, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(output);
        var options = json.RootElement.GetProperty("options");
        Assert.Equal("ca.pem", options.GetProperty("tlsCAFile").GetString());
        Assert.Equal("<password>", options.GetProperty("tlsCertificateKeyFilePassword").GetString());
        Assert.Equal("<password>", options.GetProperty("proxyPassword").GetString());
        Assert.Equal("<password>", json.RootElement.GetProperty("password").GetString());
        Assert.Equal("Unsupported option 'foo'. It is ignored; check its spelling.", Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
    }

    [Fact]
    public void Text_shows_options_and_warnings_and_no_secret()
    {
        var (exit, output, error) = TesseraProcess.Run("uri", "parse", Uri);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(Secret, output + error, StringComparison.Ordinal);
        Assert.Contains("  tlsCAFile=ca.pem", output, StringComparison.Ordinal);
        Assert.Contains("  tlsCertificateKeyFilePassword=<password>", output, StringComparison.Ordinal);
        Assert.Contains("Unsupported option 'foo'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_exits_2_with_the_message_as_json()
    {
        var (exit, output, _) = TesseraProcess.Run("uri", "parse", "mongodb://h/?tlsInsecure=true&tlsAllowInvalidCertificates=true", "--json");
        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("URI options tlsInsecure and tlsAllowInvalidCertificates cannot be specified simultaneously.", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void An_error_exits_2_with_the_message_on_stderr()
    {
        var (exit, output, error) = TesseraProcess.Run("uri", "parse", $"mongodb://u:{Secret}@h/?authMechanism=MONGODB-X509");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: Passwords are not supported by MONGODB-X509", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }
}
