using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Tessera.Security.Files;

/// <summary>
/// A CRL file (<c>tlsCRLFile</c>): one or more <c>-----BEGIN X509 CRL-----</c> blocks (one per CA,
/// as users concatenate them), or one DER CRL (<c>openssl crl -outform DER</c>).
/// </summary>
public static class RevocationListFile
{
    private const string Expected = "one or more PEM CRLs ('-----BEGIN X509 CRL-----' blocks, from openssl ca -gencrl) or one DER CRL";
    private const string CrlLabel = "X509 CRL";

    /// <summary>Loads the CRLs of a file named by <c>tlsCRLFile</c>.</summary>
    /// <exception cref="CertificateFileException">The file cannot be used; the message says why and how to fix it.</exception>
    public static IReadOnlyList<CertificateRevocationList> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new SourceFile(path, "CRL file", "tlsCRLFile", Expected);
        var bytes = file.ReadAllBytes();

        if (PemBlockReader.LooksLikePem(bytes))
        {
            var blocks = PemBlockReader.Read(bytes, file);
            var crls = blocks
                .Where(b => b.Label == CrlLabel)
                .Select(b => Parse(b.Contents, file, $"PEM block {b.Ordinal}"))
                .ToList();
            if (crls.Count == 0)
            {
                var found = blocks.Count == 0 ? "" : $" (only {string.Join(", ", blocks.Select(b => $"'{b.Label}'").Distinct())})";
                throw NoCrl(file, found);
            }

            return crls;
        }

        // 0x30 is a DER SEQUENCE; anything else is neither PEM nor DER.
        if (bytes[0] != 0x30)
        {
            throw NoCrl(file, " (it is neither PEM nor DER)");
        }

        return [Parse(bytes, file, "the DER content")];
    }

    private static CertificateRevocationList Parse(byte[] der, SourceFile file, string where)
    {
        X509Crl? crl;
        try
        {
            crl = new X509CrlParser().ReadCrl(der);
        }
        catch (Exception e) when (e is CrlException or IOException or ArgumentException or InvalidCastException or FormatException)
        {
            throw file.Error(CertificateFileError.MalformedContent,
                $"{file.Named}: {where} is not a valid CRL; the file is damaged or is not a CRL; generate it again (openssl ca -gencrl).", e);
        }

        return crl is null
            ? throw NoCrl(file, "")
            : new CertificateRevocationList(crl, file.Path);
    }

    private static CertificateFileException NoCrl(SourceFile file, string found) =>
        file.Error(CertificateFileError.NoRevocationList,
            $"{file.Named} contains no CRL{found}; tlsCRLFile needs {Expected}.");
}
