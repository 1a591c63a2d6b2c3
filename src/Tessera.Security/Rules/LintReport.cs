namespace Tessera.Security.Rules;

/// <summary>The findings for one certificate, and the checks that could not run for lack of context.</summary>
public sealed record LintReport(IReadOnlyList<Finding> Findings, IReadOnlyList<string> NotChecked)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
