using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>
/// A file holding a certificate to look at (inspect, lint, a member's certificate): PEM, possibly with its
/// chain and key, or DER. The first certificate is the one meant; the others are its chain.
/// </summary>
public static class CertificateFile
{
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static X509Certificate2Collection Load(string path, string optionName) =>
        CertificateAuthorityFile.LoadCertificates(path, "certificate file", optionName, string.Empty);
}
