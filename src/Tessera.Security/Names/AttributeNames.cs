namespace Tessera.Security.Names;

/// <summary>
/// OpenSSL's table of object names. mongod (OpenSSL build) prints an attribute with
/// <c>OBJ_nid2sn(OBJ_txt2nid(oid))</c> and resolves DN-string attribute names with <c>OBJ_txt2obj</c>;
/// this is the same table, generated from OpenSSL by tools/gen-openssl-object-names.sh.
/// </summary>
public static class AttributeNames
{
    private static readonly Lazy<Table> Objects = new(LoadTable);

    /// <summary>The short name OpenSSL prints for <paramref name="oid"/>, or the dotted OID when it has none.</summary>
    public static string ShortNameOf(string oid) =>
        Objects.Value.ShortNames.TryGetValue(oid, out var name) ? name : oid;

    /// <summary>
    /// Resolves an attribute name as OBJ_txt2obj does: a short name, then a long name (both case-sensitive),
    /// then a dotted OID. Returns null for an unknown name.
    /// </summary>
    public static string? OidOf(string name)
    {
        var table = Objects.Value;
        if (table.ByShortName.TryGetValue(name, out var oid) || table.ByLongName.TryGetValue(name, out oid))
        {
            return oid;
        }

        return IsDottedOid(name) ? name : null;
    }

    internal static bool IsDottedOid(string text)
    {
        var parts = text.Split('.');
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static Table LoadTable()
    {
        using var stream = typeof(AttributeNames).Assembly.GetManifestResourceStream("Tessera.Security.openssl-object-names.txt")
            ?? throw new InvalidOperationException("The OpenSSL object-name table is missing from Tessera.Security.");
        using var reader = new StreamReader(stream);
        var table = new Table();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            // The first object with an OID wins, as OBJ_txt2nid returns the first match.
            table.ShortNames.TryAdd(fields[0], fields[1]);
            table.ByShortName.TryAdd(fields[1], fields[0]);
            table.ByLongName.TryAdd(fields[2], fields[0]);
        }

        return table;
    }

    private sealed class Table
    {
        public Dictionary<string, string> ShortNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ByShortName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> ByLongName { get; } = new(StringComparer.Ordinal);
    }
}
