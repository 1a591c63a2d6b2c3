namespace Tessera.Query.Updates;

/// <summary>A dotted update path; components may be "$" (the query's match), "$[]" (all) or "$[id]" (array filter).</summary>
internal sealed class UpdatePath
{
    public UpdatePath(string dotted)
    {
        Dotted = dotted;
        Parts = dotted.Split('.');
    }

    public string Dotted { get; }

    public IReadOnlyList<string> Parts { get; }

    public static bool IsPositional(string part) => part == "$";

    public static bool IsAllPositional(string part) => part == "$[]";

    /// <summary>The identifier of "$[id]", or null.</summary>
    public static string? FilterIdentifier(string part) =>
        part.Length > 3 && part.StartsWith("$[", StringComparison.Ordinal) && part.EndsWith(']') ? part[2..^1] : null;

    public bool HasDynamicPart => Parts.Any(part => part.StartsWith('$'));

    public override string ToString() => Dotted;
}
