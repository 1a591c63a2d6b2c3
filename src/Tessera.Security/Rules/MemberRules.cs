using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Membership;
using Tessera.Security.Names;

namespace Tessera.Security.Rules;

/// <summary>MongoDB's member-certificate requirements (net.tls.certificateKeyFile and net.tls.clusterFile).</summary>
internal static class MemberRules
{
    public static IEnumerable<Finding> Check(CertificateFacts facts, LintOptions options, List<string> notChecked)
    {
        var findings = new List<Finding>();
        var usedAsKeyFile = options.MemberUsage != MemberCertificateUsage.ClusterFile;
        var usedAsClusterFile = options.MemberUsage != MemberCertificateUsage.CertificateKeyFile;
        var missing = new List<string>();
        if (usedAsKeyFile && !facts.AllowsPurpose(CertificateFacts.ServerAuth))
        {
            missing.Add("serverAuth");
        }

        if (usedAsClusterFile && !facts.AllowsPurpose(CertificateFacts.ClientAuth))
        {
            missing.Add("clientAuth");
        }

        if (missing.Count > 0)
        {
            findings.Add(new Finding(
                CertificateRules.MemberExtendedKeyUsage,
                $"Used as {Describe(options.MemberUsage)}, extendedKeyUsage {KeyPurposes.Describe(facts.ExtendedKeyUsage!)} lacks {string.Join(" and ", missing)}."));
        }

        if (!facts.AllowsKeyUsage(X509KeyUsageFlags.DigitalSignature))
        {
            findings.Add(new Finding(CertificateRules.MemberKeyUsageSignature, $"keyUsage is {facts.KeyUsage}, without digitalSignature."));
        }
        else if (usedAsKeyFile && !facts.AllowsKeyUsage(KeyExchangeUsage(facts.Certificate)))
        {
            findings.Add(new Finding(
                CertificateRules.MemberKeyUsageKeyExchange,
                $"keyUsage is {facts.KeyUsage}, without {KeyExchangeUsage(facts.Certificate)} for its {facts.PublicKeyDescription} key."));
        }

        if (usedAsKeyFile)
        {
            findings.AddRange(HostRules.Check(facts, options, CertificateRules.MemberHostMismatch, notChecked));
        }

        findings.AddRange(CheckAttributes(facts.Certificate, options, notChecked));
        return findings;
    }

    private static IEnumerable<Finding> CheckAttributes(X509Certificate2 certificate, LintOptions options, List<string> notChecked)
    {
        X509Name subject;
        try
        {
            subject = X509Name.FromCertificateSubject(certificate);
        }
        catch (NameNormalizationException)
        {
            yield break; // reported by the common rules
        }

        var attributes = subject.Filter(ClusterAttributes.Oids);
        if (options.ClusterAttributes?.Attributes is { } configured)
        {
            if (!subject.Contains(configured))
            {
                yield return new Finding(CertificateRules.MemberAttributesMissing, $"The subject does not contain the configured attributes {configured}.");
            }
        }
        else if (attributes.IsEmpty || attributes.Entries.All(e => e.Value.IsEmpty))
        {
            yield return new Finding(CertificateRules.MemberAttributesMissing, $"\"{subject}\" has no non-empty O, OU or DC.");
        }

        if (options.ServerCertificate is not { } other)
        {
            notChecked.Add("consistency with the other members: pass --server-cert with another member's certificate");
            yield break;
        }

        var otherAttributes = X509Name.FromCertificateSubject(other).Filter(ClusterAttributes.Oids);
        if (!SameRdns(attributes, otherAttributes))
        {
            yield return new Finding(
                CertificateRules.MemberAttributesDiffer, $"This certificate's O/OU/DC are \"{attributes}\", the other member's are \"{otherAttributes}\".");
        }

        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(other.IssuerName.RawData))
        {
            yield return new Finding(
                CertificateRules.MemberIssuersDiffer,
                $"Issued by \"{X509Name.FromCertificateIssuer(certificate)}\", the other member by \"{X509Name.FromCertificateIssuer(other)}\".");
        }
    }

    // MongoDB's documentation lists keyEncipherment and keyAgreement; which one a key can use depends on its
    // type: RFC 3279 does not allow keyAgreement on an RSA key, and an EC key agrees keys, it never encrypts them.
    private static X509KeyUsageFlags KeyExchangeUsage(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return X509KeyUsageFlags.KeyEncipherment;
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null ? X509KeyUsageFlags.KeyAgreement : X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement;
    }

    // "Identical" O/OU/DC: the same RDNs, in any order.
    private static bool SameRdns(X509Name a, X509Name b) => a.Rdns.Count == b.Rdns.Count && a.Contains(b) && b.Contains(a);

    private static string Describe(MemberCertificateUsage usage) => usage switch
    {
        MemberCertificateUsage.CertificateKeyFile => "the certificate key file",
        MemberCertificateUsage.ClusterFile => "the cluster file",
        _ => "the certificate key file without a cluster file",
    };
}
