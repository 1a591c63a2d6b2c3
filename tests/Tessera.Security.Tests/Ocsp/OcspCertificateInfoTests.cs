using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;
using Tessera.Security.Ocsp;
using Tessera.Security.Tests.Issuing;

namespace Tessera.Security.Tests.Ocsp;

public class OcspCertificateInfoTests
{
    [Fact]
    public void The_responder_URL_and_must_staple_are_read_from_an_issued_certificate()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "CN=db1", r => r with
        {
            Hosts = ["db1"],
            MustStaple = true,
            OcspResponderUrl = new Uri("http://127.0.0.1:8100/ocsp"),
        });

        Assert.Equal([new Uri("http://127.0.0.1:8100/ocsp")], OcspCertificateInfo.ResponderUrls(server));
        Assert.True(OcspCertificateInfo.IsMustStaple(server));
    }

    [Fact]
    public void A_certificate_without_them_has_no_URL_and_no_must_staple()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "CN=db1", r => r with { Hosts = ["db1"] });

        Assert.Empty(OcspCertificateInfo.ResponderUrls(server));
        Assert.False(OcspCertificateInfo.IsMustStaple(server));
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x11, 0x02, 0x01, 0x05 }, true)] // status_request_v2 and status_request
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x11 }, false)] // status_request_v2 alone
    [InlineData(new byte[] { 0x30, 0x00 }, false)]
    public void The_TLS_feature_list_is_read_as_a_list(byte[] value, bool mustStaple)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new CertificateRequest("CN=features", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509Extension(OcspCertificateInfo.TlsFeatureOid, value, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.Equal(mustStaple, OcspCertificateInfo.IsMustStaple(certificate));
    }
}
