using Tessera.Client.Tests.Spec;

namespace Tessera.Client.Tests;

/// <summary>The separate file step: PyMongo's validate_readable, kept out of parsing so parse-only tests need no files.</summary>
public sealed class TlsFileCheckTests
{
    [Fact]
    public void Readable_files_pass_even_when_they_are_not_certificates()
    {
        // The spec folder's placeholders exist for exactly this check; what is inside is judged when TLS is built.
        var folder = Path.GetDirectoryName(SpecTestFiles.PathOf(SpecTestFiles.TlsOptions))!;
        var options = new TlsOptions { TlsCAFile = Path.Combine(folder, "ca.pem"), TlsCertificateKeyFile = Path.Combine(folder, "cert.pem") };
        options.CheckFilesReadable();
    }

    [Fact]
    public void A_missing_file_is_reported_with_the_option_and_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "tessera-no-such-" + Guid.NewGuid().ToString("N") + ".pem");
        var options = ConnectionString.Parse("mongodb://h/?tlsCertificateKeyFile=" + Uri.EscapeDataString(missing)).Tls;
        var error = Assert.Throws<ClientConfigurationException>(options.CheckFilesReadable);
        Assert.StartsWith("tlsCertificateKeyFile: cannot read '" + missing + "'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public void Parsing_alone_never_opens_the_files()
    {
        var parsed = ConnectionString.Parse("mongodb://h/?tlsCAFile=/no/such/ca.pem&tlsCRLFile=/no/such/crl.pem");
        Assert.Equal("/no/such/ca.pem", parsed.TlsSettings.CAFile);
    }
}
