namespace Tessera.Client.Tests;

/// <summary>Secrets never reach a string a program might log.</summary>
public sealed class RedactionTests
{
    private const string Secret = "hunter2-secret";

    [Fact]
    public void Redacted_options_hide_the_key_password_and_the_proxy_password()
    {
        var parsed = ConnectionString.Parse($"mongodb://h/?tlsCertificateKeyFilePassword={Secret}&proxyHost=p&proxyUsername=u&proxyPassword={Secret}");
        var shown = parsed.Options.Redacted();
        Assert.Equal("<password>", shown["tlsCertificateKeyFilePassword"]);
        Assert.Equal("<password>", shown["proxyPassword"]);
        Assert.Equal("u", shown["proxyUsername"]);
        Assert.Equal(Secret, parsed.Options["tlsCertificateKeyFilePassword"]);
    }

    [Fact]
    public void ToString_of_the_tls_types_and_the_credential_hides_passwords()
    {
        var parsed = ConnectionString.Parse($"mongodb://alice:{Secret}@h/?tlsCertificateKeyFilePassword={Secret}&tlsCAFile=ca.pem");
        var texts = new[] { parsed.Tls.ToString(), parsed.TlsSettings.ToString(), ClientCredential.FromConnectionString(parsed)!.ToString() };
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("tlsCertificateKeyFilePassword = <password>", texts[0], StringComparison.Ordinal);
        Assert.Contains("CAFile = ca.pem", texts[1], StringComparison.Ordinal);
        Assert.Contains("Password = <password>", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_secret_value_is_never_echoed_in_a_warning()
    {
        Assert.Equal("Unsupported value for \"proxyPassword\" (boom). The option is ignored.", UriWarnings.InvalidSecretValue("proxyPassword", "boom"));
    }
}
