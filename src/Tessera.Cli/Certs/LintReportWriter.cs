using System.Security.Cryptography.X509Certificates;
using Tessera.Cli.Output;
using Tessera.Security.Certificates;
using Tessera.Security.Rules;

namespace Tessera.Cli.Certs;

/// <summary>Prints a lint report as a readable table or as JSON.</summary>
internal static class LintReportWriter
{
    public static void Write(TextWriter output, string path, X509Certificate2 certificate, CertificateRole role, LintReport report, bool json)
    {
        var subject = CertificateSummary.Of(certificate).Subject;
        var errors = report.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = report.Findings.Count - errors;
        if (json)
        {
            JsonOutput.Write(output, new
            {
                file = path,
                role,
                subject,
                findings = report.Findings.Select(f => new { rule = f.Id, severity = f.Severity, message = f.Message, requirement = f.Rule.Requirement, fix = f.Fix }),
                notChecked = report.NotChecked,
                errors,
                warnings,
            });
            return;
        }

        output.WriteLine($"{path} as {role.ToString().ToLowerInvariant()}: {subject}");
        if (report.Findings.Count > 0)
        {
            var width = Math.Max(4, report.Findings.Max(f => f.Id.Length));
            output.WriteLine();
            output.WriteLine($"{"SEVERITY",-9} {"RULE".PadRight(width)}  FINDING");
            foreach (var finding in report.Findings)
            {
                output.WriteLine($"{finding.Severity.ToString().ToLowerInvariant(),-9} {finding.Id.PadRight(width)}  {finding.Message}");
                output.WriteLine($"{string.Empty,-9} {string.Empty.PadRight(width)}  fix: {finding.Fix}");
            }
        }

        foreach (var note in report.NotChecked)
        {
            output.WriteLine($"not checked: {note}");
        }

        output.WriteLine();
        output.WriteLine($"{errors} error(s), {warnings} warning(s)");
    }
}
