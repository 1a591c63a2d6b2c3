namespace Tessera.Storage;

/// <summary>
/// A valid "database.collection" name (mongod calls it a NamespaceString). Constructing one checks
/// both parts, so storage code never sees a name MongoDB would refuse.
/// </summary>
public sealed record NamespaceString
{
    public NamespaceString(string databaseName, string collectionName)
    {
        NamespaceRules.ValidateNamespace(databaseName, collectionName);
        DatabaseName = databaseName;
        CollectionName = collectionName;
    }

    public string DatabaseName { get; }

    public string CollectionName { get; }

    /// <summary>Splits "db.coll.with.dots" at the first dot: database names cannot contain one.</summary>
    public static NamespaceString Parse(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            throw new InvalidNamespaceException($"Namespace '{fullName}' has no '.'; write it as database.collection.");
        }

        return new NamespaceString(fullName[..dot], fullName[(dot + 1)..]);
    }

    public override string ToString() => $"{DatabaseName}.{CollectionName}";
}
