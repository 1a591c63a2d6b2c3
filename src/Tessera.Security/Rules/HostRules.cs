using Tessera.Security.Certificates;

namespace Tessera.Security.Rules;

/// <summary>Host-name checks shared by servers and members: a SAN for every host, CN-only matching warned about.</summary>
internal static class HostRules
{
    public static IEnumerable<Finding> Check(CertificateFacts facts, LintOptions options, CertificateRule mismatch, List<string> notChecked)
    {
        if (!facts.HasSubjectAlternativeName)
        {
            yield return new Finding(CertificateRules.ServerSanMissing, "The certificate has no subjectAltName extension.");
        }

        if (options.Hosts.Count == 0)
        {
            notChecked.Add("host names: pass --hosts to check the SAN against the names clients and members use");
            yield break;
        }

        foreach (var host in options.Hosts)
        {
            switch (HostNameMatcher.Match(facts, host))
            {
                case HostNameMatch.SubjectAlternativeName:
                    break;
                case HostNameMatch.CommonNameOnly:
                    yield return new Finding(CertificateRules.CommonNameOnly, $"\"{host}\" matches only the CN.");
                    break;
                case HostNameMatch.CommonNameOverriddenBySan:
                    yield return new Finding(
                        mismatch, $"\"{host}\" does not match {HostNameMatcher.Describe(facts)}; the CN would have matched, but was overridden by SAN.");
                    break;
                default:
                    yield return new Finding(mismatch, $"\"{host}\" does not match {HostNameMatcher.Describe(facts)}.");
                    break;
            }
        }
    }
}
