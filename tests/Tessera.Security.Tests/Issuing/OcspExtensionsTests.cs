using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Issuing;

public class OcspExtensionsTests
{
    [Fact]
    public void Must_staple_and_AIA_OCSP_and_CDP_are_present_when_asked()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "CN=localhost", r => r with
        {
            Hosts = ["localhost"],
            MustStaple = true,
            OcspResponderUrl = new Uri("http://localhost:8100/status"),
            CrlDistributionPointUrl = new Uri("http://localhost:8100/crl.der"),
        });

        var mustStaple = TestPki.Extension(server, TlsFeatureExtension.Oid);
        Assert.NotNull(mustStaple);
        Assert.Equal([0x30, 0x03, 0x02, 0x01, 0x05], mustStaple.RawData);
        Assert.False(mustStaple.Critical);
        Assert.True(TlsFeatureExtension.IsMustStaple(mustStaple));

        var aia = TestPki.Extension<X509AuthorityInformationAccessExtension>(server);
        Assert.Equal(["http://localhost:8100/status"], aia.EnumerateOcspUris());
        Assert.Empty(aia.EnumerateCAIssuersUris());

        using var directory = new TemporaryDirectory();
        CertificateFileWriter.WriteCertificate(directory.File("server.pem"), server);
        var text = OpenSsl.Run("x509", "-in", directory.File("server.pem"), "-noout", "-text");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("TLS Feature", text.Output, StringComparison.Ordinal);
        Assert.Contains("status_request", text.Output, StringComparison.Ordinal);
        Assert.Contains("OCSP - URI:http://localhost:8100/status", text.Output, StringComparison.Ordinal);
        Assert.Contains("X509v3 CRL Distribution Points", text.Output, StringComparison.Ordinal);
        Assert.Contains("URI:http://localhost:8100/crl.der", text.Output, StringComparison.Ordinal);

        var ocspUri = OpenSsl.Run("x509", "-in", directory.File("server.pem"), "-noout", "-ocsp_uri");
        Assert.Equal("http://localhost:8100/status", ocspUri.Output.Trim());
    }

    [Fact]
    public void None_of_them_are_present_by_default()
    {
        using var ca = TestPki.RootCa();
        using var server = TestPki.Issue(ca, CertificateProfile.Server, "CN=localhost", r => r with { Hosts = ["localhost"] });

        Assert.Null(TestPki.Extension(server, TlsFeatureExtension.Oid));
        Assert.Empty(server.Extensions.OfType<X509AuthorityInformationAccessExtension>());
        Assert.Null(TestPki.Extension(server, "2.5.29.31"));
    }
}
