using Tessera.Security.Issuing;
using Tessera.Security.Tests.Support;
using Tessera.Testing.Ocsp;

namespace Tessera.Security.Tests.Ocsp;

/// <summary>openssl's own OCSP client against the test responder: its answers are real OCSP, not only what Tessera accepts.</summary>
public class OpenSslOcspInteropTests
{
    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256, false)]
    [InlineData(KeyAlgorithm.Rsa2048, false)]
    [InlineData(KeyAlgorithm.EcdsaP256, true)]
    public async Task Openssl_accepts_a_good_answer(KeyAlgorithm key, bool delegated)
    {
        using var pki = new OcspTestPki(key);
        using var responderCertificate = OcspTestPki.Responder(pki.Ca, ocspSigning: true, key);
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = delegated ? responderCertificate : pki.Ca });
        using var directory = new TemporaryDirectory();
        directory.Write("ca.pem", CertificatePem.Certificate(pki.Ca));
        directory.Write("leaf.pem", CertificatePem.Certificate(pki.Leaf));

        var result = await Task.Run(() => OpenSsl.Run(
            "ocsp", "-issuer", directory.File("ca.pem"), "-cert", directory.File("leaf.pem"),
            "-url", responder.Url.ToString(), "-CAfile", directory.File("ca.pem"), "-timeout", "10"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Response verify OK", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{directory.File("leaf.pem")}: good", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openssl_sees_a_revoked_answer_as_revoked()
    {
        using var pki = new OcspTestPki();
        await using var responder = TestOcspResponder.Start(new TestOcspResponse { Signer = pki.Ca, Status = TestOcspAnswer.Revoked });
        using var directory = new TemporaryDirectory();
        directory.Write("ca.pem", CertificatePem.Certificate(pki.Ca));
        directory.Write("leaf.pem", CertificatePem.Certificate(pki.Leaf));

        var result = await Task.Run(() => OpenSsl.Run(
            "ocsp", "-issuer", directory.File("ca.pem"), "-cert", directory.File("leaf.pem"),
            "-url", responder.Url.ToString(), "-CAfile", directory.File("ca.pem"), "-timeout", "10"));

        Assert.Contains("Response verify OK", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{directory.File("leaf.pem")}: revoked", result.Output, StringComparison.Ordinal);
        Assert.Contains("keyCompromise", result.Output, StringComparison.Ordinal);
    }
}
