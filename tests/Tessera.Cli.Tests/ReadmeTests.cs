using Tessera.Client.Connection;
using Tessera.Security.Rules;

namespace Tessera.Cli.Tests;

/// <summary>The README is the user's guide: every rule a lint can report, and every kind of connection failure, is documented there.</summary>
public class ReadmeTests
{
    [Fact]
    public void Every_certificate_rule_is_listed_in_the_readme()
    {
        var readme = Readme();
        Assert.All(CertificateRules.All, rule => Assert.Contains($"| `{rule.Id}` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_connection_failure_kind_is_explained_in_the_readme()
    {
        var readme = Readme();
        Assert.All(Enum.GetNames<ConnectionFailureKind>(), kind => Assert.Contains($"`{kind}`", readme, StringComparison.Ordinal));
    }

    private static string Readme()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tessera.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
    }
}
