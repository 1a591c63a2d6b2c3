using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Tessera.Security.Files;

/// <summary>
/// Turns one PEM private-key block, in any of the formats openssl writes, into a .NET
/// <see cref="RSA"/> or <see cref="ECDsa"/>: the rest of Tessera sees only BCL key types.
/// </summary>
internal static class PrivateKeyDecoder
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1";
    private const string EcPublicKey = "1.2.840.10045.2.1";

    /// <summary>Key algorithms users meet that SslStream cannot use, by OID, for the message.</summary>
    private static readonly Dictionary<string, string> UnsupportedAlgorithms = new()
    {
        ["1.2.840.113549.1.1.10"] = "RSASSA-PSS",
        ["1.2.840.10040.4.1"] = "DSA",
        ["1.3.101.112"] = "Ed25519",
        ["1.3.101.113"] = "Ed448",
    };

    public static AsymmetricAlgorithm Decode(PemBlock block, string? password, SourceFile file, CertificateKeyFileOption option)
    {
        if (block.IsTraditionallyEncrypted)
        {
            var pkcs8 = TraditionalEncryptedKey.DecryptToPkcs8(block, RequirePassword(password, file, option), file, option);
            try
            {
                return ImportPkcs8(pkcs8, file);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }

        try
        {
            return block.Label switch
            {
                PrivateKeyLabels.Pkcs8 => ImportPkcs8(block.Contents, file),
                PrivateKeyLabels.Pkcs1Rsa => Import(RSA.Create(), key => key.ImportRSAPrivateKey(block.Contents, out _)),
                PrivateKeyLabels.Sec1Ec => Import(ECDsa.Create(), key => key.ImportECPrivateKey(block.Contents, out _)),
                PrivateKeyLabels.EncryptedPkcs8 => ImportEncryptedPkcs8(block, RequirePassword(password, file, option), file, option),
                _ => throw Unsupported(file, "DSA"),
            };
        }
        catch (CryptographicException e)
        {
            throw Malformed(block, file, e);
        }
    }

    private static string RequirePassword(string? password, SourceFile file, CertificateKeyFileOption option) =>
        string.IsNullOrEmpty(password)
            ? throw file.Error(CertificateFileError.PasswordRequired,
                $"The private key in {file.Description} '{file.Path}' is encrypted but no password was given; set {option.PasswordOption}.")
            : password;

    /// <summary>
    /// An encrypted PKCS#8 key does not say its algorithm until it is decrypted, and the BCL decrypts
    /// only into a given algorithm; so each supported algorithm is tried. When none accepts the key,
    /// the password is what is wrong (a right password with an unsupported algorithm is rarer).
    /// </summary>
    private static AsymmetricAlgorithm ImportEncryptedPkcs8(PemBlock block, string password, SourceFile file, CertificateKeyFileOption option)
    {
        CryptographicException? lastFailure = null;
        foreach (var create in new Func<AsymmetricAlgorithm>[] { RSA.Create, ECDsa.Create })
        {
            var key = create();
            try
            {
                key.ImportEncryptedPkcs8PrivateKey(password, block.Contents, out _);
                return key;
            }
            catch (CryptographicException e)
            {
                key.Dispose();
                lastFailure = e;
            }
        }

        throw WrongPassword(file, option, lastFailure);
    }

    internal static CertificateFileException WrongPassword(SourceFile file, CertificateKeyFileOption option, Exception? inner) =>
        file.Error(CertificateFileError.WrongPassword,
            $"The private key in {file.Description} '{file.Path}' cannot be decrypted with the password given in {option.PasswordOption}: the password is wrong; give the password the key was encrypted with.",
            inner);

    private static AsymmetricAlgorithm ImportPkcs8(byte[] pkcs8, SourceFile file)
    {
        var algorithm = ReadPkcs8Algorithm(pkcs8, file);
        return algorithm switch
        {
            RsaEncryption => Import(RSA.Create(), key => key.ImportPkcs8PrivateKey(pkcs8, out _)),
            EcPublicKey => Import(ECDsa.Create(), key => key.ImportPkcs8PrivateKey(pkcs8, out _)),
            _ => throw Unsupported(file, UnsupportedAlgorithms.GetValueOrDefault(algorithm, $"OID {algorithm}")),
        };
    }

    /// <summary>Reads privateKeyAlgorithm from a PrivateKeyInfo (RFC 5208) to pick the importer.</summary>
    private static string ReadPkcs8Algorithm(byte[] pkcs8, SourceFile file)
    {
        try
        {
            var info = new AsnReader(pkcs8, AsnEncodingRules.BER).ReadSequence();
            _ = info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException e)
        {
            throw file.Error(CertificateFileError.MalformedContent,
                $"The private key in {file.Description} '{file.Path}' is not a valid PKCS#8 structure; export the key again (openssl pkey -in key.pem -out key-pkcs8.pem).", e);
        }
    }

    private static T Import<T>(T key, Action<T> import)
        where T : AsymmetricAlgorithm
    {
        try
        {
            import(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static CertificateFileException Unsupported(SourceFile file, string algorithm) =>
        file.Error(CertificateFileError.UnsupportedKeyAlgorithm,
            $"The private key in {file.Description} '{file.Path}' is {Article(algorithm)} {algorithm} key; Tessera supports RSA and EC (ECDSA) keys; issue the certificate with one of those (e.g. openssl req -newkey rsa:2048).");

    private static string Article(string algorithm) => "AEIOU".Contains(algorithm[0], StringComparison.Ordinal) ? "an" : "a";

    private static CertificateFileException Malformed(PemBlock block, SourceFile file, CryptographicException e) =>
        file.Error(CertificateFileError.MalformedContent,
            $"The private key in {file.Description} '{file.Path}' (PEM block {block.Ordinal}, '{block.Label}') cannot be decoded; the block is damaged or its label does not match its content; export the key again.",
            e);
}
