using System.CommandLine;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs`: issue, inspect and lint certificates as MongoDB uses them.</summary>
internal static class CertsCommand
{
    public static Command Create()
    {
        var certs = new Command("certs", "Issue, inspect and lint certificates for a MongoDB deployment.");
        return certs;
    }
}
