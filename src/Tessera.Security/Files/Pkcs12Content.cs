using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>
/// PKCS#12 (.p12/.pfx) files, recognised by their content: users rename files, and a PKCS#12 file
/// handed to tlsCertificateKeyFile deserves the same result whatever its name.
/// </summary>
internal static class Pkcs12Content
{
    public static bool IsPkcs12(byte[] bytes)
    {
        try
        {
            return X509Certificate2.GetCertContentType(bytes) == X509ContentType.Pkcs12;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Loads every certificate, keys kept in memory only (EphemeralKeySet), which SslStream on Linux
    /// accepts and which leaves no key files behind in the user's key store.
    /// </summary>
    public static X509Certificate2Collection Load(byte[] bytes, string? password, SourceFile file, CertificateKeyFileOption option)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e) when (string.IsNullOrEmpty(password))
        {
            throw file.Error(CertificateFileError.PasswordRequired,
                $"{file.Named} is a PKCS#12 file protected by a password, and no password was given; set {option.PasswordOption}.", e);
        }
        catch (CryptographicException e)
        {
            throw file.Error(CertificateFileError.WrongPassword,
                $"{file.Named} is a PKCS#12 file that cannot be opened with the password given in {option.PasswordOption}: the password is wrong (or the file is damaged); give the password used with openssl pkcs12 -export.", e);
        }
    }
}
