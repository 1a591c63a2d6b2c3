using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tessera.Security.Issuing;

/// <summary>
/// Writes certificates, keys and CRLs to disk. Files holding a private key are created with mode 0600 on
/// Unix, so that no other local user can read the key whatever the process's umask.
/// </summary>
public static class CertificateFileWriter
{
    /// <summary>Owner read and write only.</summary>
    public const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteCertificate(string path, X509Certificate2 certificate) =>
        File.WriteAllText(path, CertificatePem.Certificate(certificate), Encoding.ASCII);

    /// <summary>Certificates only (a CA file, or a chain without a key), in the given order.</summary>
    public static void WriteCertificates(string path, IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        File.WriteAllText(path, string.Concat(certificates.Select(CertificatePem.Certificate)), Encoding.ASCII);
    }

    /// <summary>The combined PEM (certificate, intermediates, key) of <see cref="CertificatePem.Combined"/>, mode 0600.</summary>
    public static void WriteCombined(
        string path, X509Certificate2 certificate, IEnumerable<X509Certificate2>? intermediates = null, string? password = null) =>
        WritePrivate(path, Encoding.ASCII.GetBytes(CertificatePem.Combined(certificate, intermediates, password)));

    /// <summary>The private key alone as PKCS#8, encrypted when a password is given, mode 0600.</summary>
    public static void WritePrivateKey(string path, X509Certificate2 certificate, string? password = null) =>
        WritePrivate(path, Encoding.ASCII.GetBytes(
            password is null ? CertificatePem.PrivateKey(certificate) : CertificatePem.EncryptedPrivateKey(certificate, password)));

    /// <summary>
    /// A PKCS#12 file (for .NET and Windows users) with the certificate, its key and the intermediates,
    /// protected with PBES2 AES-256 and SHA-256, mode 0600.
    /// </summary>
    public static void WritePkcs12(
        string path, X509Certificate2 certificate, string password, IEnumerable<X509Certificate2>? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var collection = new X509Certificate2Collection(certificate);
        foreach (var intermediate in intermediates ?? [])
        {
            // Without its key in the bundle: exporting a CA's key into a leaf's file would hand it out.
            collection.Add(X509CertificateLoader.LoadCertificate(intermediate.RawData));
        }

        WritePrivate(path, collection.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
    }

    public static void WriteRevocationList(string path, IssuedRevocationList crl)
    {
        ArgumentNullException.ThrowIfNull(crl);
        File.WriteAllText(path, crl.Pem, Encoding.ASCII);
    }

    /// <summary>
    /// Writes through a temporary file created 0600 from the start and renamed over the target: the
    /// key is never readable by others, not even for a moment, and an existing file's looser mode is replaced.
    /// </summary>
    private static void WritePrivate(string path, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }
}
