using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;

namespace Tessera.Security.Files;

/// <summary>
/// Decrypts the traditional OpenSSL key encryption (<c>Proc-Type: 4,ENCRYPTED</c> + <c>DEK-Info</c>,
/// as written by <c>openssl rsa -aes256 -traditional</c> or <c>openssl ec -aes256</c>).
/// </summary>
/// <remarks>
/// .NET has no reader for this format (<c>CreateFromEncryptedPemFile</c> reads only PKCS#8), so this is
/// the one place BouncyCastle handles keys; the key leaves here as PKCS#8 bytes for the BCL importers.
/// </remarks>
internal static class TraditionalEncryptedKey
{
    public static byte[] DecryptToPkcs8(PemBlock block, string password, SourceFile file, CertificateKeyFileOption option)
    {
        object? decoded;
        try
        {
            using var text = new StringReader(block.Text);
            decoded = new PemReader(text, new FixedPassword(password)).ReadObject();
        }
        catch (Exception e) when (e is IOException or InvalidCipherTextException or CryptoException or ArgumentException or InvalidOperationException)
        {
            // A wrong password shows up as bad padding, or, one time in 256, as garbage that does not parse.
            throw PrivateKeyDecoder.WrongPassword(file, option, e);
        }

        var privateKey = decoded switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } key => key,
            _ => throw file.Error(CertificateFileError.MalformedContent,
                $"The encrypted PEM block {block.Ordinal} ('{block.Label}') in {file.Description} '{file.Path}' does not hold a private key; export the key again."),
        };

        try
        {
            return PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded();
        }
        catch (ArgumentException e)
        {
            throw file.Error(CertificateFileError.UnsupportedKeyAlgorithm,
                $"The private key in {file.Description} '{file.Path}' is of a kind Tessera cannot use; Tessera supports RSA and EC (ECDSA) keys.", e);
        }
    }

    /// <summary>BouncyCastle asks for the password through a callback; it is answered from memory, never a terminal.</summary>
    private sealed class FixedPassword(string password) : IPasswordFinder
    {
        public char[] GetPassword() => password.ToCharArray();
    }
}
