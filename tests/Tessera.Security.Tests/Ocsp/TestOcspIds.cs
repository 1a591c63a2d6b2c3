using Org.BouncyCastle.Ocsp;
using Tessera.Security.Ocsp;

namespace Tessera.Security.Tests.Ocsp;

/// <summary>Gives the test responder's builder a CertID computed by the code under test.</summary>
internal static class TestOcspIds
{
    public static CertificateID ToBouncyCastle(OcspCertificateId id) => id.ToBouncyCastle();
}
