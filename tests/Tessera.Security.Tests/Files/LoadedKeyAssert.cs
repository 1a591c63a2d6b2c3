using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;

namespace Tessera.Security.Tests.Files;

/// <summary>Proves that a loaded certificate really carries the key that was put in the file.</summary>
internal static class LoadedKeyAssert
{
    private static readonly byte[] Data = "the certificate and its key belong together"u8.ToArray();

    /// <summary>
    /// The leaf is the expected certificate, and data signed with the loaded private key verifies with
    /// the public key of the certificate as a peer sees it (loaded separately, without any key).
    /// </summary>
    public static void IsUsable(CertificateKeyFile loaded, IssuedCertificate expected)
    {
        Assert.Equal(expected.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        Assert.True(loaded.Certificate.HasPrivateKey);
        using var peerView = expected.PublicOnly();

        using var rsa = loaded.Certificate.GetRSAPrivateKey();
        if (rsa is not null)
        {
            var signature = rsa.SignData(Data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var publicKey = peerView.GetRSAPublicKey()!;
            Assert.True(publicKey.VerifyData(Data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            Assert.False(publicKey.VerifyData("other data"u8.ToArray(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            return;
        }

        using var ecdsa = loaded.Certificate.GetECDsaPrivateKey();
        Assert.NotNull(ecdsa);
        var ecSignature = ecdsa.SignData(Data, HashAlgorithmName.SHA256);
        using var ecPublicKey = peerView.GetECDsaPublicKey()!;
        Assert.True(ecPublicKey.VerifyData(Data, ecSignature, HashAlgorithmName.SHA256));
        Assert.False(ecPublicKey.VerifyData("other data"u8.ToArray(), ecSignature, HashAlgorithmName.SHA256));
    }

    public static X509Certificate2[] Certificates(X509Certificate2Collection collection) => [.. collection];
}
