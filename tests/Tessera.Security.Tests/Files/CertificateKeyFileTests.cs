using Tessera.Security.Files;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

/// <summary>Loading the certificate key files users make, in every layout and key format.</summary>
public sealed class CertificateKeyFileTests : IDisposable
{
    // The PKI first: if making it fails, no directory is left behind by a constructor that never completed.
    private readonly TestPki pki = TestPki.Shared;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void CombinedPem_CertificateThenKey_LoadsLeafWithUsableKey()
    {
        var path = directory.Write("client.pem", pki.RsaLeaf.CertificatePem + KeyFiles.Pkcs8(pki.RsaLeaf.Key));

        var loaded = CertificateKeyFile.Load(path, password: null);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
        Assert.Empty(loaded.Intermediates);
        Assert.Equal(path, loaded.Path);
    }

    [Fact]
    public void CombinedPem_KeyThenCertificate_LoadsLeafWithUsableKey()
    {
        // The recipe PyMongo documents: cat key.pem cert.pem > combined.pem
        var path = directory.Write("client.pem", KeyFiles.Pkcs8(pki.RsaLeaf.Key) + pki.RsaLeaf.CertificatePem);

        var loaded = CertificateKeyFile.Load(path, password: null);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
    }

    [Fact]
    public void CombinedPem_WithIntermediateAfterLeaf_ReturnsIntermediate()
    {
        var path = directory.Write("client.pem",
            pki.RsaLeaf.CertificatePem + pki.Intermediate.CertificatePem + KeyFiles.Pkcs8(pki.RsaLeaf.Key));

        var loaded = CertificateKeyFile.Load(path, password: null);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
        var intermediate = Assert.Single(loaded.Intermediates);
        Assert.Equal(pki.Intermediate.Certificate.Thumbprint, intermediate.Thumbprint);
        Assert.False(intermediate.HasPrivateKey);
    }

    [Fact]
    public void CombinedPem_LeafNotFirst_LeafIsTheCertificateMatchingTheKey()
    {
        var path = directory.Write("client.pem",
            pki.Intermediate.CertificatePem + KeyFiles.Pkcs1(pki.RsaLeaf.Key) + pki.RsaLeaf.CertificatePem + pki.Root.CertificatePem);

        var loaded = CertificateKeyFile.Load(path, password: null);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
        Assert.Equal(
            [pki.Intermediate.Certificate.Thumbprint, pki.Root.Certificate.Thumbprint],
            loaded.Intermediates.Select(c => c.Thumbprint));
    }

    [Fact]
    public void CombinedPem_WindowsLineEndings_Loads()
    {
        var text = (pki.RsaLeaf.CertificatePem + KeyFiles.Pkcs8(pki.RsaLeaf.Key)).ReplaceLineEndings("\r\n");
        var path = directory.Write("client.pem", text);

        LoadedKeyAssert.IsUsable(CertificateKeyFile.Load(path, password: null), pki.RsaLeaf);
    }

    [Theory]
    [InlineData("pkcs8-rsa")]
    [InlineData("pkcs1-rsa")]
    [InlineData("pkcs8-ec")]
    [InlineData("sec1-ec")]
    public void UnencryptedKeyFormats_Load(string format)
    {
        var (leaf, keyPem, label) = format switch
        {
            "pkcs8-rsa" => (pki.RsaLeaf, KeyFiles.Pkcs8(pki.RsaLeaf.Key), "BEGIN PRIVATE KEY"),
            "pkcs1-rsa" => (pki.RsaLeaf, KeyFiles.Pkcs1(pki.RsaLeaf.Key), "BEGIN RSA PRIVATE KEY"),
            "pkcs8-ec" => (pki.EcLeaf, KeyFiles.Pkcs8(pki.EcLeaf.Key), "BEGIN PRIVATE KEY"),
            _ => (pki.EcLeaf, KeyFiles.Sec1(pki.EcLeaf.Key), "BEGIN EC PRIVATE KEY"),
        };
        Assert.Contains(label, keyPem, StringComparison.Ordinal);
        var path = directory.Write("leaf.pem", leaf.CertificatePem + keyPem);

        LoadedKeyAssert.IsUsable(CertificateKeyFile.Load(path, password: null), leaf);
    }

    [Theory]
    [InlineData("pkcs8-rsa")]
    [InlineData("pkcs8-ec")]
    [InlineData("traditional-rsa-aes256")]
    [InlineData("traditional-rsa-des3")]
    [InlineData("traditional-ec-aes256")]
    public void EncryptedKey_RightPassword_Loads(string format)
    {
        var (leaf, keyPem) = EncryptedKey(format);
        var path = directory.Write("leaf.pem", leaf.CertificatePem + keyPem);

        LoadedKeyAssert.IsUsable(CertificateKeyFile.Load(path, KeyFiles.Password), leaf);
    }

    [Fact]
    public void Pkcs12_WithIntermediate_LoadsLeafKeyAndIntermediate()
    {
        var path = Pkcs12(pki.RsaLeaf, "client.p12", withIntermediate: true);

        var loaded = CertificateKeyFile.Load(path, KeyFiles.Password);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
        var intermediate = Assert.Single(loaded.Intermediates);
        Assert.Equal(pki.Intermediate.Certificate.Thumbprint, intermediate.Thumbprint);
    }

    [Fact]
    public void Pkcs12_DetectedByContentWhateverTheName()
    {
        var path = Pkcs12(pki.EcLeaf, "client-bundle.pem", withIntermediate: false);

        LoadedKeyAssert.IsUsable(CertificateKeyFile.Load(path, KeyFiles.Password), pki.EcLeaf);
    }

    [Fact]
    public void ClusterFileOption_LoadsTheSame()
    {
        var path = directory.Write("member.pem", pki.RsaLeaf.CertificatePem + KeyFiles.TraditionalRsa(directory, pki.RsaLeaf.Key));

        var loaded = CertificateKeyFile.Load(path, KeyFiles.Password, CertificateKeyFileOption.TlsClusterFile);

        LoadedKeyAssert.IsUsable(loaded, pki.RsaLeaf);
    }

    private (IssuedCertificate Leaf, string KeyPem) EncryptedKey(string format) => KeyFiles.Encrypted(format, directory, pki);

    private string Pkcs12(IssuedCertificate leaf, string name, bool withIntermediate) =>
        KeyFiles.Pkcs12(directory, leaf, name, withIntermediate ? pki.Intermediate : null);
}
