using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Tls;

/// <summary>
/// Trust as mongod's tlsCAFile gives it: the CA file's self-issued certificates are the only anchors (never the
/// system store), its other certificates are intermediates, and nothing is fetched from the network.
/// </summary>
public static class CaFileTrust
{
    public static X509ChainPolicy Policy(X509Certificate2Collection authorities, X509Certificate2Collection? presentedChain = null)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck, // CRLs come from tlsCRLFile, checked by Tessera
            DisableCertificateDownloads = true,
        };
        foreach (var authority in authorities)
        {
            (IsSelfIssued(authority) ? policy.CustomTrustStore : policy.ExtraStore).Add(authority);
        }

        if (presentedChain is not null)
        {
            policy.ExtraStore.AddRange(presentedChain);
        }

        return policy;
    }

    public static bool IsSelfIssued(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
    }
}
