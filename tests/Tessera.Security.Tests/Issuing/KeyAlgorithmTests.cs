using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

namespace Tessera.Security.Tests.Issuing;

public class KeyAlgorithmTests
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaEncryptionOid = "1.2.840.113549.1.1.1";
    private const string NistP256Oid = "1.2.840.10045.3.1.7";

    [Fact]
    public void Default_key_is_ECDSA_P256_with_its_private_key_attached()
    {
        using var ca = TestPki.RootCa();
        using var leaf = TestPki.Issue(ca, CertificateProfile.Client, "CN=a");

        Assert.Equal(EcPublicKeyOid, leaf.PublicKey.Oid.Value);
        using var publicKey = leaf.GetECDsaPublicKey()!;
        Assert.Equal(256, publicKey.KeySize);
        Assert.Equal(NistP256Oid, publicKey.ExportParameters(false).Curve.Oid.Value);

        Assert.True(leaf.HasPrivateKey);
        using var privateKey = leaf.GetECDsaPrivateKey()!;
        var signature = privateKey.SignData("proof"u8, HashAlgorithmName.SHA256);
        Assert.True(publicKey.VerifyData("proof"u8, signature, HashAlgorithmName.SHA256));
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa2048, 2048)]
    [InlineData(KeyAlgorithm.Rsa4096, 4096)]
    public void RSA_on_request(KeyAlgorithm algorithm, int bits)
    {
        using var ca = TestPki.RootCa();
        using var leaf = TestPki.Issue(ca, CertificateProfile.Server, "CN=a", r => r with { KeyAlgorithm = algorithm });

        Assert.Equal(RsaEncryptionOid, leaf.PublicKey.Oid.Value);
        using var publicKey = leaf.GetRSAPublicKey()!;
        Assert.Equal(bits, publicKey.KeySize);
        Assert.Null(leaf.GetECDsaPublicKey());
        Assert.True(leaf.HasPrivateKey);
        using var privateKey = leaf.GetRSAPrivateKey()!;
        Assert.Equal(bits, privateKey.KeySize);
    }

    [Fact]
    public void RSA_CA_signs_an_ECDSA_leaf()
    {
        using var ca = TestPki.RootCa(KeyAlgorithm.Rsa2048);
        using var leaf = TestPki.Issue(ca, CertificateProfile.Client, "CN=a");

        using var caKey = ca.GetRSAPublicKey()!;
        Assert.Equal(2048, caKey.KeySize);
        Assert.Equal(EcPublicKeyOid, leaf.PublicKey.Oid.Value);
    }
}
