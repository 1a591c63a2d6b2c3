using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

namespace Tessera.Security.Tests.Issuing;

/// <summary>Short ways to make the certificates the tests need.</summary>
internal static class TestPki
{
    public static X500DistinguishedName Name(string dn) => new(dn);

    public static X509Certificate2 RootCa(KeyAlgorithm key = KeyAlgorithm.EcdsaP256, string name = "CN=Tessera Test Root CA,O=Tessera") =>
        new CertificateIssuer().IssueSelfSigned(new IssueRequest
        {
            Profile = CertificateProfile.Ca,
            Subject = Name(name),
            KeyAlgorithm = key,
        });

    public static X509Certificate2 Issue(X509Certificate2 ca, CertificateProfile profile, string subject, Func<IssueRequest, IssueRequest>? adjust = null)
    {
        var request = new IssueRequest { Profile = profile, Subject = Name(subject) };
        return new CertificateIssuer().Issue(adjust is null ? request : adjust(request), ca);
    }

    public static T Extension<T>(X509Certificate2 certificate)
        where T : X509Extension =>
        Assert.Single(certificate.Extensions.OfType<T>());

    public static X509Extension? Extension(X509Certificate2 certificate, string oid) =>
        certificate.Extensions.SingleOrDefault(e => e.Oid?.Value == oid);

    public static string[] ExtendedKeyUsages(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault() is { } eku
            ? eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value!).ToArray()
            : [];
}
