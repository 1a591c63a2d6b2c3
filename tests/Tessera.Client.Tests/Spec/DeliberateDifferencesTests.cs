using Xunit.Abstractions;

namespace Tessera.Client.Tests.Spec;

/// <summary>Keeps the table of deliberate differences honest: each entry names a real case, and the table is printed with the run.</summary>
public sealed class DeliberateDifferencesTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_difference_names_an_existing_spec_case()
    {
        foreach (var difference in DeliberateDifferences.All)
        {
            output.WriteLine($"{difference.File} · {difference.Description}: {difference.Reason}");
            Assert.Contains(SpecTestFiles.Cases(difference.File), c => c.GetProperty("description").GetString() == difference.Description);
        }
    }
}
