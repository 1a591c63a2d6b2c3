using Tessera.Security.Files;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

public sealed class CertificateAuthorityFileTests : IDisposable
{
    // The PKI first: if making it fails, no directory is left behind by a constructor that never completed.
    private readonly TestPki pki = TestPki.Shared;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void PemBundleWithTwoRoots_LoadsBoth()
    {
        var path = directory.Write("ca.pem", pki.Root.CertificatePem + pki.OtherRoot.CertificatePem);

        var certificates = CertificateAuthorityFile.Load(path);

        Assert.Equal(
            [pki.Root.Certificate.Thumbprint, pki.OtherRoot.Certificate.Thumbprint],
            certificates.Select(c => c.Thumbprint));
        Assert.All(certificates, c => Assert.False(c.HasPrivateKey));
    }

    [Fact]
    public void PemWithOpenSslTextBeforeEachCertificate_LoadsTheCertificates()
    {
        // `openssl x509 -text` output is a common CA file: a human-readable dump, then the PEM block.
        var text = "Certificate:\n    Data:\n        Version: 3 (0x2)\n        Issuer: O=Tessera Test\n" + pki.Root.CertificatePem
            + "Certificate:\n    Data:\n        Serial Number: 16 (0x10)\n" + pki.Intermediate.CertificatePem;
        var path = directory.Write("ca.pem", text);

        Assert.Equal(2, CertificateAuthorityFile.Load(path).Count);
    }

    [Fact]
    public void SingleDerCertificateFromOpenSsl_Loads()
    {
        var pem = directory.Write("ca.pem", pki.Root.CertificatePem);
        var der = directory.File("ca.der");
        OpenSsl.Check("x509", "-in", pem, "-outform", "DER", "-out", der);

        var certificate = Assert.Single(CertificateAuthorityFile.Load(der));

        Assert.Equal(pki.Root.Certificate.Thumbprint, certificate.Thumbprint);
    }

    [Fact]
    public void MissingFile_FileNotFound_NamesTheOption()
    {
        var path = directory.File("missing-ca.pem");

        var error = Assert.Throws<CertificateFileException>(() => CertificateAuthorityFile.Load(path));

        Assert.Equal(CertificateFileError.FileNotFound, error.Error);
        Assert.Contains($"CA file '{path}' does not exist; check the path given to tlsCAFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterCaOption_IsNamedInMessages()
    {
        var path = directory.File("missing-ca.pem");

        var error = Assert.Throws<CertificateFileException>(() => CertificateAuthorityFile.Load(path, "tlsClusterCAFile"));

        Assert.Contains("tlsClusterCAFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOnly_NoCertificate()
    {
        var path = directory.Write("ca.pem", KeyFiles.Pkcs8(pki.Root.Key));

        var error = Assert.Throws<CertificateFileException>(() => CertificateAuthorityFile.Load(path));

        Assert.Equal(CertificateFileError.NoCertificate, error.Error);
        Assert.Contains("contains no certificate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MII", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainText_NoCertificate()
    {
        var path = directory.Write("ca.pem", "placeholder: put the CA here\n");

        var error = Assert.Throws<CertificateFileException>(() => CertificateAuthorityFile.Load(path));

        Assert.Equal(CertificateFileError.NoCertificate, error.Error);
    }
}
