using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;
using Tessera.Security.Tests.Issuing;

namespace Tessera.Security.Tests.Ocsp;

/// <summary>A CA, a server certificate under it, and responder certificates, as the OCSP tests need them.</summary>
internal sealed class OcspTestPki : IDisposable
{
    public OcspTestPki(KeyAlgorithm key = KeyAlgorithm.EcdsaP256)
    {
        Ca = TestPki.RootCa(key);
        Leaf = Server(Ca, "CN=db1.example.net");
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Leaf { get; }

    public static X509Certificate2 Server(X509Certificate2 ca, string subject, Uri? responder = null) =>
        TestPki.Issue(ca, CertificateProfile.Server, subject, r => r with { Hosts = ["db1.example.net"], OcspResponderUrl = responder });

    /// <summary>A delegated responder certificate signed by <paramref name="ca"/>, with or without id-kp-OCSPSigning.</summary>
    public static X509Certificate2 Responder(X509Certificate2 ca, bool ocspSigning, KeyAlgorithm key = KeyAlgorithm.EcdsaP256) =>
        TestPki.Issue(ca, CertificateProfile.Client, "CN=OCSP Responder,O=Tessera", r => r with
        {
            KeyAlgorithm = key,
            ExtendedKeyUsageOverride = ocspSigning ? [ExtendedKeyUsageOids.OcspSigning] : [ExtendedKeyUsageOids.ClientAuth],
        });

    public void Dispose()
    {
        Leaf.Dispose();
        Ca.Dispose();
    }
}
