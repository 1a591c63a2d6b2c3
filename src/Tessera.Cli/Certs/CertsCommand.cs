using System.CommandLine;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs`: issue, inspect and lint certificates as MongoDB uses them.</summary>
internal static class CertsCommand
{
    public static Command Create() =>
        new("certs", "Issue, inspect and lint certificates for a MongoDB deployment.")
        {
            InitCommand.Create(),
            IssueCommand.Create(),
            InspectCommand.Create(),
            LintCommand.Create(),
        };
}
