using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>
/// A CA file (<c>tlsCAFile</c>, <c>tlsClusterCAFile</c>): a PEM bundle of one or more CA
/// certificates, or a single DER certificate.
/// </summary>
public static class CertificateAuthorityFile
{
    private const string Expected = "one or more PEM certificates ('-----BEGIN CERTIFICATE-----' blocks) or one DER certificate";

    /// <summary>Loads the CA certificates of a file named by <c>tlsCAFile</c>.</summary>
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static X509Certificate2Collection Load(string path) => Load(path, "tlsCAFile");

    /// <summary>Loads the CA certificates of a file named by the given option (e.g. <c>tlsClusterCAFile</c>).</summary>
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static X509Certificate2Collection Load(string path, string optionName) =>
        LoadCertificates(path, "CA file", optionName, " of the CA(s) that issued the peers' certificates");

    /// <summary>The certificates of a PEM or DER file, in file order; <paramref name="purpose"/> ends the no-certificate message.</summary>
    internal static X509Certificate2Collection LoadCertificates(string path, string description, string optionName, string purpose)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(optionName);
        var file = new SourceFile(path, description, optionName, Expected);
        var bytes = file.ReadAllBytes();

        var certificates = new X509Certificate2Collection();
        if (PemBlockReader.LooksLikePem(bytes))
        {
            var blocks = PemBlockReader.Read(bytes, file);
            foreach (var certificate in PemCertificates.Load(blocks, file))
            {
                certificates.Add(certificate);
            }

            if (certificates.Count == 0)
            {
                var found = blocks.Count == 0 ? "" : $" (only {string.Join(", ", blocks.Select(b => $"'{b.Label}'").Distinct())})";
                throw NoCertificate(file, found, purpose);
            }

            return certificates;
        }

        if (DerCertificate.TryLoad(bytes) is { } der)
        {
            certificates.Add(der);
            return certificates;
        }

        throw NoCertificate(file, " (it is neither PEM nor a DER certificate)", purpose);
    }

    // OpenSSL's wording is "no certificate or crl found"; this says which file and what to put in it.
    private static CertificateFileException NoCertificate(SourceFile file, string found, string purpose) =>
        file.Error(CertificateFileError.NoCertificate,
            $"{file.Named} contains no certificate{found}; {file.Option} needs {Expected}{purpose}.");
}
