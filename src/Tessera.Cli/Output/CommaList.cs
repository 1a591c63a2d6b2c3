namespace Tessera.Cli.Output;

/// <summary>Options such as --hosts a,b,c: one comma-separated value, as mongod's own list options take them.</summary>
internal static class CommaList
{
    public static IReadOnlyList<string> Parse(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
