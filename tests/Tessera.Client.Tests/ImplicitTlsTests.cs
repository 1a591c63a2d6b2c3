namespace Tessera.Client.Tests;

/// <summary>PyMongo's _parse_ssl_options (§3.3), tlsInsecure's expansion and the tlsCRLFile incompatibilities (§3.2).</summary>
public sealed class ImplicitTlsTests
{
    [Theory]
    [InlineData("tlsCAFile=ca.pem")]
    [InlineData("tlsCertificateKeyFile=client.pem")]
    [InlineData("tlsCertificateKeyFilePassword=hunter2")]
    [InlineData("tlsCRLFile=crl.pem")]
    [InlineData("tlsAllowInvalidHostnames=false")]
    [InlineData("tlsAllowInvalidCertificates=false")]
    [InlineData("tlsDisableOCSPEndpointCheck=false")]
    [InlineData("tlsInsecure=false")]
    public void Options_that_only_make_sense_with_tls_turn_it_on(string query)
    {
        Assert.True(ConnectionString.Parse("mongodb://h/?" + query).TlsSettings.Enabled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tlsAllowInvalidHostnames=true")]
    [InlineData("tlsInsecure=true")]
    [InlineData("tlsDisableCertificateRevocationCheck=true")]
    public void Relaxing_options_given_as_true_do_not_turn_tls_on(string query)
    {
        // PyMongo's rule: only a false value of an "allow/disable" option implies TLS.
        Assert.False(ConnectionString.Parse("mongodb://h/?" + query).TlsSettings.Enabled);
    }

    [Fact]
    public void Tls_false_with_such_options_is_pymongos_configuration_error_listing_them()
    {
        var error = Assert.Throws<ClientConfigurationException>(() =>
            ConnectionString.Parse("mongodb://h/?tls=false&tlsCAFile=ca.pem&tlsCertificateKeyFile=c.pem&tlsAllowInvalidHostnames=false"));
        Assert.Equal(
            "TLS has not been enabled but the following tls parameters have been set: tlscertificatekeyfile, tlscafile, tlsallowinvalidhostnames. Please set `tls=True` or remove.",
            error.Message);
        Assert.IsNotType<InvalidUriException>(error);
    }

    [Fact]
    public void Tls_false_with_relaxing_options_set_to_true_is_accepted()
    {
        var settings = new TlsOptions { Tls = false, TlsInsecure = true }.Resolve();
        Assert.False(settings.Enabled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TlsInsecure_expands_to_the_three_options_it_relaxes(bool value)
    {
        var settings = new TlsOptions { Tls = true, TlsInsecure = value }.Resolve();
        Assert.Equal(value, settings.AllowInvalidCertificates);
        Assert.Equal(value, settings.AllowInvalidHostnames);
        Assert.Equal(value, settings.DisableOcspEndpointCheck);
        Assert.False(settings.DisableCertificateRevocationCheck);
    }

    [Fact]
    public void Allowing_invalid_certificates_also_skips_the_ocsp_endpoint_check()
    {
        var settings = new TlsOptions { Tls = true, TlsAllowInvalidCertificates = true }.Resolve();
        Assert.True(settings.DisableOcspEndpointCheck);
        Assert.False(settings.AllowInvalidHostnames);
    }

    [Fact]
    public void The_defaults_are_the_secure_ones()
    {
        var settings = new TlsOptions { Tls = true }.Resolve();
        Assert.Equal(new TlsSettings { Enabled = true }, settings);
    }

    [Theory]
    [InlineData("tlsInsecure=true", "URI option tlsinsecure=True cannot be specified when CRL checking is enabled.")]
    [InlineData("tlsAllowInvalidCertificates=true", "URI option tlsallowinvalidcertificates=True cannot be specified when CRL checking is enabled.")]
    [InlineData("tlsDisableOCSPEndpointCheck=true", "URI option tlsdisableocspendpointcheck=True cannot be specified when CRL checking is enabled.")]
    [InlineData("tlsDisableCertificateRevocationCheck=true", "URI option tlsdisablecertificaterevocationcheck=True cannot be specified when CRL checking is enabled.")]
    public void A_crl_cannot_be_combined_with_relaxed_checks(string query, string message)
    {
        var error = Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://h/?tlsCRLFile=crl.pem&" + query));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_crl_with_relaxing_options_set_to_false_is_fine()
    {
        var settings = ConnectionString.Parse("mongodb://h/?tlsCRLFile=crl.pem&tlsInsecure=false").TlsSettings;
        Assert.True(settings.Enabled);
        Assert.Equal("crl.pem", settings.CrlFile);
    }

    [Fact]
    public void Srv_implies_tls_unless_turned_off()
    {
        Assert.True(ConnectionString.Parse("mongodb+srv://cluster0.example.com").TlsSettings.Enabled);
        Assert.Equal(true, ConnectionString.Parse("mongodb+srv://cluster0.example.com").Options["tls"]);
        Assert.False(ConnectionString.Parse("mongodb+srv://cluster0.example.com/?ssl=false").TlsSettings.Enabled);
    }
}
