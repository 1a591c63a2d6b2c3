using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>A file that is one binary (DER) certificate, as <c>openssl x509 -outform DER</c> writes.</summary>
internal static class DerCertificate
{
    public static X509Certificate2? TryLoad(byte[] bytes)
    {
        // 0x30 is a DER SEQUENCE; anything else cannot be a certificate and need not be tried.
        if (bytes.Length == 0 || bytes[0] != 0x30)
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
