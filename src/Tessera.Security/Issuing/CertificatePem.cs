using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tessera.Security.Issuing;

/// <summary>
/// PEM text in the shapes MongoDB users ship: a certificate alone, a private key as PKCS#8 (plain or
/// password-encrypted), and the combined file that mongod's <c>tlsCertificateKeyFile</c>, PyMongo and
/// mongosh read. The returned strings hold key material: write them to a protected file, never to a log.
/// </summary>
public static class CertificatePem
{
    /// <summary>
    /// PBKDF2 rounds for encrypted keys: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. The cost is paid once
    /// when a client or server loads its key, not per connection.
    /// </summary>
    public const int Pbkdf2Iterations = 600_000;

    /// <summary>PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, which OpenSSL 1.1+, .NET and Java all read.</summary>
    public static PbeParameters EncryptedKeyParameters { get; } =
        new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations);

    public static string Certificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>The private key as unencrypted PKCS#8 (<c>BEGIN PRIVATE KEY</c>).</summary>
    public static string PrivateKey(X509Certificate2 certificate)
    {
        using var key = PrivateKeyOf(certificate);
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>The private key as PKCS#8 encrypted with <paramref name="password"/> (<c>BEGIN ENCRYPTED PRIVATE KEY</c>).</summary>
    public static string EncryptedPrivateKey(X509Certificate2 certificate, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        using var key = PrivateKeyOf(certificate);
        return key.ExportEncryptedPkcs8PrivateKeyPem(password, EncryptedKeyParameters) + "\n";
    }

    /// <summary>
    /// The certificate, then the intermediates (leaf's issuer first) so a peer can build the chain to its
    /// CA file, then the private key: encrypted when a password is given (for <c>tlsCertificateKeyFilePassword</c>).
    /// </summary>
    public static string Combined(X509Certificate2 certificate, IEnumerable<X509Certificate2>? intermediates = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var pem = new StringBuilder(Certificate(certificate));
        foreach (var intermediate in intermediates ?? [])
        {
            pem.Append(Certificate(intermediate));
        }

        pem.Append(password is null ? PrivateKey(certificate) : EncryptedPrivateKey(certificate, password));
        return pem.ToString();
    }

    private static AsymmetricAlgorithm PrivateKeyOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey()
            ?? (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException(
                $"The certificate '{certificate.Subject}' has no ECDSA or RSA private key to export.", nameof(certificate));
    }
}
