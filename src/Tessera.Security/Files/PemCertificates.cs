using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>The certificates among a PEM file's blocks, in file order.</summary>
internal static class PemCertificates
{
    /// <summary>Labels openssl and others write certificates under (the second is pre-RFC 7468 usage).</summary>
    private static readonly string[] CertificateLabels = ["CERTIFICATE", "X509 CERTIFICATE"];

    public static List<X509Certificate2> Load(IEnumerable<PemBlock> blocks, SourceFile file)
    {
        var certificates = new List<X509Certificate2>();
        foreach (var block in blocks.Where(b => CertificateLabels.Contains(b.Label)))
        {
            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(block.Contents));
            }
            catch (CryptographicException e)
            {
                foreach (var loaded in certificates)
                {
                    loaded.Dispose();
                }

                throw file.Error(CertificateFileError.MalformedContent,
                    $"{file.Named}: PEM block {block.Ordinal} ('{block.Label}') is not a valid X.509 certificate; the block is damaged; export the certificate again.", e);
            }
        }

        return certificates;
    }
}
