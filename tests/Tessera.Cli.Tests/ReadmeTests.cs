using Tessera.Security.Rules;

namespace Tessera.Cli.Tests;

/// <summary>The README is the user's guide: every rule a lint can report is documented there under its id.</summary>
public class ReadmeTests
{
    [Fact]
    public void Every_certificate_rule_is_listed_in_the_readme()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tessera.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        Assert.All(CertificateRules.All, rule => Assert.Contains($"| `{rule.Id}` |", readme, StringComparison.Ordinal));
    }
}
