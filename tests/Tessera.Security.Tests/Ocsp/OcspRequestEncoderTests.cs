using Tessera.Security.Issuing;
using Tessera.Security.Ocsp;
using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Ocsp;

public class OcspRequestEncoderTests
{
    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void The_request_is_byte_for_byte_the_one_openssl_builds(KeyAlgorithm key)
    {
        using var pki = new OcspTestPki(key);
        using var directory = new TemporaryDirectory();
        directory.Write("ca.pem", CertificatePem.Certificate(pki.Ca));
        directory.Write("leaf.pem", CertificatePem.Certificate(pki.Leaf));
        OpenSsl.Check("ocsp", "-issuer", directory.File("ca.pem"), "-cert", directory.File("leaf.pem"), "-no_nonce", "-reqout", directory.File("openssl.der"));

        var ours = OcspRequestEncoder.Encode(pki.Leaf, pki.Ca);

        Assert.Equal(File.ReadAllBytes(directory.File("openssl.der")), ours);
    }

    [Fact]
    public void Openssl_reads_the_CertID_and_the_nonce()
    {
        using var pki = new OcspTestPki();
        using var directory = new TemporaryDirectory();
        var id = OcspCertificateId.For(pki.Leaf, pki.Ca);
        var path = directory.Write("request.der", OcspRequestEncoder.Encode(pki.Leaf, pki.Ca, [1, 2, 3, 4, 5, 6, 7, 8]));

        var text = OpenSsl.Check("ocsp", "-reqin", path, "-req_text");

        Assert.Contains("Hash Algorithm: sha1", text, StringComparison.Ordinal);
        Assert.Contains($"Issuer Name Hash: {id.IssuerNameHash}", text, StringComparison.Ordinal);
        Assert.Contains($"Issuer Key Hash: {id.IssuerKeyHash}", text, StringComparison.Ordinal);
        Assert.Contains($"Serial Number: {pki.Leaf.SerialNumber.TrimStart('0')}", text, StringComparison.Ordinal);
        Assert.Contains("OCSP Nonce:", text, StringComparison.Ordinal);
        Assert.Contains("04080102030405060708", text.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
