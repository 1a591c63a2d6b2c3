using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>Signing with an issuer certificate's private key, whatever its key type.</summary>
internal static class SignatureGenerators
{
    /// <summary>
    /// A generator over the issuer's private key. The caller disposes the returned key after signing.
    /// RSA issuers sign with PKCS#1 v1.5, which every TLS stack verifies; PSS is not universally accepted
    /// in certificate signatures.
    /// </summary>
    public static (X509SignatureGenerator Generator, IDisposable Key) ForIssuer(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.HasPrivateKey)
        {
            throw new ArgumentException(
                $"The issuer certificate '{issuer.Subject}' has no private key; load the CA from a file that holds its key.",
                nameof(issuer));
        }

        if (issuer.GetECDsaPrivateKey() is { } ecdsa)
        {
            return (X509SignatureGenerator.CreateForECDsa(ecdsa), ecdsa);
        }

        if (issuer.GetRSAPrivateKey() is { } rsa)
        {
            return (X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1), rsa);
        }

        throw new ArgumentException(
            $"The issuer certificate '{issuer.Subject}' has a key type Tessera cannot sign with; use an ECDSA or RSA CA.",
            nameof(issuer));
    }
}
