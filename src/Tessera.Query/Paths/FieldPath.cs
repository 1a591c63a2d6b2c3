namespace Tessera.Query.Paths;

/// <summary>A dotted field path ("a.b.0.c") split into its components.</summary>
public sealed class FieldPath
{
    public FieldPath(string dotted)
    {
        Dotted = dotted;
        Parts = dotted.Split('.');
    }

    public string Dotted { get; }

    public IReadOnlyList<string> Parts { get; }

    public override string ToString() => Dotted;

    /// <summary>
    /// An array index as mongod reads a path component: decimal digits only. mongod does not treat
    /// "01" as an index either, so a leading zero makes the component a field name.
    /// </summary>
    public static bool TryParseIndex(string part, out int index)
    {
        index = -1;
        if (part.Length == 0 || part.Length > 9 || (part.Length > 1 && part[0] == '0'))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        index = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
