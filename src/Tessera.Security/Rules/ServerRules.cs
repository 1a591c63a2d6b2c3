using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;

namespace Tessera.Security.Rules;

/// <summary>Rules for a server's tlsCertificateKeyFile as TLS clients see it.</summary>
internal static class ServerRules
{
    public static IEnumerable<Finding> Check(CertificateFacts facts, LintOptions options, List<string> notChecked)
    {
        if (!facts.AllowsPurpose(CertificateFacts.ServerAuth))
        {
            yield return new Finding(
                CertificateRules.ServerExtendedKeyUsage, $"extendedKeyUsage is {KeyPurposes.Describe(facts.ExtendedKeyUsage!)}, without serverAuth.");
        }

        if (!facts.AllowsKeyUsage(X509KeyUsageFlags.DigitalSignature))
        {
            yield return new Finding(CertificateRules.ServerKeyUsage, $"keyUsage is {facts.KeyUsage}, without digitalSignature.");
        }

        foreach (var finding in HostRules.Check(facts, options, CertificateRules.ServerHostMismatch, notChecked))
        {
            yield return finding;
        }
    }
}
