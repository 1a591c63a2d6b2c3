using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Files;

/// <summary>
/// Whether a private key belongs to a certificate: the public half of the key equals the
/// certificate's public key. This is what picks the leaf in a combined file, since users
/// concatenate in any order and OpenSSL's "first certificate is the leaf" rule is a common trap.
/// </summary>
internal static class KeyPairMatch
{
    public static bool Matches(AsymmetricAlgorithm privateKey, X509Certificate2 certificate) => privateKey switch
    {
        RSA rsa => MatchesRsa(rsa, certificate),
        ECDsa ecdsa => MatchesEc(ecdsa, certificate),
        _ => false,
    };

    private static bool MatchesRsa(RSA privateKey, X509Certificate2 certificate)
    {
        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null)
        {
            return false;
        }

        var fromCertificate = publicKey.ExportParameters(includePrivateParameters: false);
        var fromKey = privateKey.ExportParameters(includePrivateParameters: false);
        return Same(fromCertificate.Modulus, fromKey.Modulus) && Same(fromCertificate.Exponent, fromKey.Exponent);
    }

    private static bool MatchesEc(ECDsa privateKey, X509Certificate2 certificate)
    {
        using var publicKey = certificate.GetECDsaPublicKey();
        if (publicKey is null)
        {
            return false;
        }

        var fromCertificate = publicKey.ExportParameters(includePrivateParameters: false);
        var fromKey = privateKey.ExportParameters(includePrivateParameters: false);
        return Same(fromCertificate.Q.X, fromKey.Q.X) && Same(fromCertificate.Q.Y, fromKey.Q.Y);
    }

    private static bool Same(byte[]? a, byte[]? b) =>
        a is not null && b is not null && a.AsSpan().SequenceEqual(b);
}
