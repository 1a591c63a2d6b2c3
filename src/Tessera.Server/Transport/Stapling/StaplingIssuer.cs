using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Tls;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// Finds the certificate that issued the server's certificate, which an OCSP request names (by the hash of its name
/// and key) and whose signature, or delegate's, the response must carry. Looked for among the intermediates of
/// tlsCertificateKeyFile, then in the CA files; the chain builder checks the signature, so a CA that merely shares
/// the issuer's name is not taken.
/// </summary>
internal static class StaplingIssuer
{
    public static X509Certificate2? Find(X509Certificate2 certificate, params X509Certificate2Collection?[] candidates)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(candidates);
        var all = new X509Certificate2Collection();
        foreach (var collection in candidates)
        {
            if (collection is not null)
            {
                all.AddRange(collection);
            }
        }

        // The CA files' trust (self-issued ones are roots, offline, no downloads); only the issuer is wanted, not a verdict.
        using var chain = new X509Chain { ChainPolicy = CaFileTrust.Policy(all) };
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags;
        chain.Build(certificate);
        if (chain.ChainElements.Count < 2)
        {
            return null;
        }

        var issuer = chain.ChainElements[1].Certificate;
        return issuer.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)
            ? X509CertificateLoader.LoadCertificate(issuer.RawData)
            : null;
    }
}
