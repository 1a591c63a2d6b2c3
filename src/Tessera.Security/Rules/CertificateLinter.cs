using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;

namespace Tessera.Security.Rules;

/// <summary>Checks a certificate against MongoDB's rules for the role it is meant to play.</summary>
public static class CertificateLinter
{
    public static LintReport Lint(X509Certificate2 certificate, LintOptions options, X509Certificate2Collection? intermediates = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var facts = CertificateFacts.Of(certificate);
        var findings = new List<Finding>();
        var notChecked = new List<string>();
        findings.AddRange(CommonRules.Check(facts, options, intermediates, notChecked));
        findings.AddRange(options.Role switch
        {
            CertificateRole.Client => ClientRules.Check(facts, options, notChecked),
            CertificateRole.Member => MemberRules.Check(facts, options, notChecked),
            _ => ServerRules.Check(facts, options, notChecked),
        });
        return new LintReport(findings.OrderByDescending(f => f.Severity).ToArray(), notChecked);
    }
}
