namespace Tessera.Client.Tests;

/// <summary>The spec's eight conflict rules, by presence, with PyMongo's exact messages (§3.2).</summary>
public sealed class TlsConflictMessageTests
{
    [Theory]
    [InlineData("tlsInsecure=true&tlsAllowInvalidCertificates=true", "URI options tlsInsecure and tlsAllowInvalidCertificates cannot be specified simultaneously.")]
    [InlineData("tlsAllowInvalidCertificates=false&tlsInsecure=false", "URI options tlsInsecure and tlsAllowInvalidCertificates cannot be specified simultaneously.")]
    [InlineData("tlsInsecure=false&tlsAllowInvalidHostnames=false", "URI options tlsInsecure and tlsAllowInvalidHostnames cannot be specified simultaneously.")]
    [InlineData("tlsInsecure=true&tlsDisableOCSPEndpointCheck=false", "URI options tlsInsecure and tlsDisableOCSPEndpointCheck cannot be specified simultaneously.")]
    [InlineData("tlsInsecure=true&tlsDisableCertificateRevocationCheck=true", "URI options tlsInsecure and tlsDisableCertificateRevocationCheck cannot be specified simultaneously.")]
    [InlineData("tlsAllowInvalidCertificates=true&tlsDisableOCSPEndpointCheck=true", "URI options tlsallowinvalidcertificates and tlsDisableOCSPEndpointCheck cannot be specified simultaneously.")]
    [InlineData("tlsDisableCertificateRevocationCheck=false&tlsAllowInvalidCertificates=false", "URI options tlsAllowInvalidCertificates and tlsDisableCertificateRevocationCheck cannot be specified simultaneously.")]
    [InlineData("tlsDisableOCSPEndpointCheck=true&tlsDisableCertificateRevocationCheck=false", "URI options tlsDisableOCSPEndpointCheck and tlsDisableCertificateRevocationCheck cannot be specified simultaneously.")]
    [InlineData("ssl=true&tls=false", "Can not specify conflicting values for URI options ssl and tls.")]
    [InlineData("tls=true&ssl=false", "Can not specify conflicting values for URI options ssl and tls.")]
    public void A_conflict_in_a_uri_is_an_invalid_uri_with_pymongos_message(string query, string message)
    {
        var error = Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://example.com/?" + query));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Presence_counts_even_when_the_value_is_invalid()
    {
        // PyMongo's first pass looks at the raw keys, so a bad value does not hide the conflict.
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://h/?tlsInsecure=maybe&tlsAllowInvalidHostnames=true"));
    }

    [Fact]
    public void Repeated_tls_with_different_values_is_a_conflict_but_agreeing_ones_only_warn()
    {
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://h/?tls=true&tls=false"));
        var agreeing = ConnectionString.Parse("mongodb://h/?tls=true&TLS=true");
        Assert.Equal(["Duplicate URI option 'TLS'. The last value is used."], agreeing.Warnings);
    }

    [Fact]
    public void Ssl_and_tls_that_agree_are_folded_into_tls_without_a_warning()
    {
        var parsed = ConnectionString.Parse("mongodb://h/?ssl=true&tls=true");
        Assert.Empty(parsed.Warnings);
        Assert.Equal(true, parsed.Options["tls"]);
        Assert.False(parsed.Options.ContainsKey("ssl"));
    }

    [Fact]
    public void The_typed_options_obey_the_same_presence_rules()
    {
        var error = Assert.Throws<InvalidUriException>(() => new TlsOptions { TlsInsecure = false, TlsAllowInvalidHostnames = false }.Resolve());
        Assert.Equal("URI options tlsInsecure and tlsAllowInvalidHostnames cannot be specified simultaneously.", error.Message);

        error = Assert.Throws<InvalidUriException>(() => new TlsOptions { TlsAllowInvalidCertificates = false, TlsDisableOCSPEndpointCheck = false }.Resolve());
        Assert.Equal("URI options tlsallowinvalidcertificates and tlsDisableOCSPEndpointCheck cannot be specified simultaneously.", error.Message);
    }

    [Fact]
    public void Keyword_style_overrides_are_checked_together_with_the_uri()
    {
        // As in PyMongo's second pass: the URI's tlsInsecure and a keyword tlsAllowInvalidCertificates meet after merging.
        var fromUri = ConnectionString.Parse("mongodb://h/?tlsInsecure=true").Tls;
        var merged = fromUri.OverriddenBy(new TlsOptions { TlsAllowInvalidCertificates = true });
        Assert.Throws<InvalidUriException>(() => merged.Resolve());
    }
}
