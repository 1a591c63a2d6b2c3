using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tessera.Security.Certificates;
using Tessera.Security.Membership;
using Tessera.Security.Names;

namespace Tessera.Security.Rules;

/// <summary>MongoDB's client-certificate requirements.</summary>
internal static class ClientRules
{
    private const int MaximumUserNameBytesForSessions = 10_000;

    public static IEnumerable<Finding> Check(CertificateFacts facts, LintOptions options, List<string> notChecked)
    {
        if (facts.KeyUsage is null)
        {
            yield return new Finding(CertificateRules.ClientKeyUsageAbsent, "The certificate has no keyUsage extension.");
        }
        else if (!facts.AllowsKeyUsage(X509KeyUsageFlags.DigitalSignature))
        {
            yield return new Finding(CertificateRules.ClientKeyUsage, $"keyUsage is {facts.KeyUsage}, without digitalSignature.");
        }

        if (facts.ExtendedKeyUsage is null)
        {
            yield return new Finding(CertificateRules.ClientExtendedKeyUsageAbsent, "The certificate has no extendedKeyUsage extension.");
        }
        else if (!facts.AllowsPurpose(CertificateFacts.ClientAuth))
        {
            yield return new Finding(
                CertificateRules.ClientExtendedKeyUsage, $"extendedKeyUsage is {KeyPurposes.Describe(facts.ExtendedKeyUsage)}, without clientAuth.");
        }

        X509Name subject;
        try
        {
            subject = X509Name.FromCertificateSubject(facts.Certificate);
        }
        catch (NameNormalizationException)
        {
            yield break; // reported by the common rules
        }

        if (subject.IsEmpty)
        {
            yield return new Finding(CertificateRules.ClientEmptySubject, "The subject is empty, so there is no user name.");
            yield break;
        }

        var userName = subject.ToString();
        var length = Encoding.UTF8.GetByteCount(userName + "@$external");
        if (length >= MaximumUserNameBytesForSessions)
        {
            yield return new Finding(CertificateRules.ClientUserNameTooLong, $"The user name is {length} bytes with \"@$external\".");
        }

        if (MembershipOf(options) is not { } membership)
        {
            notChecked.Add("member attributes: pass --server-cert (a member's certificate) or --cluster-attributes to check that this client is not taken for a member");
        }
        else if (membership.IsMember(subject))
        {
            yield return new Finding(
                CertificateRules.ClientLooksLikeMember,
                $"\"{userName}\" contains the members' {Describe(membership)}, so it would be treated as a cluster member.");
        }
    }

    private static ClusterMembership? MembershipOf(LintOptions options)
    {
        if (options.ClusterAttributes is not null)
        {
            return new ClusterMembership(new X509Name([]), options.ClusterAttributes);
        }

        return options.ServerCertificate is null ? null : new ClusterMembership(X509Name.FromCertificateSubject(options.ServerCertificate));
    }

    private static string Describe(ClusterMembership membership) =>
        membership.Criteria?.Attributes is { } attributes ? $"attributes {attributes}" : $"O/OU/DC ({membership.DefaultMemberAttributes})";
}
