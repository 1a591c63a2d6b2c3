using MongoDB.Bson;

namespace Tessera.Server.Authorization;

/// <summary>
/// What a privilege applies to, as MongoDB's <c>ResourcePattern</c>. Patterns are compared by value:
/// a privilege applies to a resource when its pattern is one of the resource's
/// <see cref="ResourceSearchList"/>, the way mongod looks privileges up.
/// </summary>
public sealed record ResourcePattern
{
    private ResourcePattern(ResourcePatternKind kind, string database, string collection)
    {
        Kind = kind;
        Database = database;
        Collection = collection;
    }

    public ResourcePatternKind Kind { get; }

    /// <summary>The database named, or "" when the pattern names none.</summary>
    public string Database { get; }

    /// <summary>The collection named, or "" when the pattern names none.</summary>
    public string Collection { get; }

    public static ResourcePattern AnyResource { get; } = new(ResourcePatternKind.AnyResource, "", "");

    public static ResourcePattern Cluster { get; } = new(ResourcePatternKind.Cluster, "", "");

    public static ResourcePattern AnyNormalResource { get; } = new(ResourcePatternKind.AnyNormalResource, "", "");

    public static ResourcePattern ForDatabase(string database)
    {
        // An empty name would mean "any database"; that is AnyNormalResource and must be asked for by name.
        ArgumentException.ThrowIfNullOrEmpty(database);
        return new(ResourcePatternKind.Database, database, "");
    }

    public static ResourcePattern ForNamespace(string database, string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return new(ResourcePatternKind.ExactNamespace, database, collection);
    }

    /// <summary>A namespace given as <c>db.collection</c>; the database ends at the first dot, as in MongoDB.</summary>
    public static ResourcePattern ForNamespace(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == fullName.Length - 1)
            throw new ArgumentException($"'{fullName}' is not a namespace of the form db.collection", nameof(fullName));
        return ForNamespace(fullName[..dot], fullName[(dot + 1)..]);
    }

    public static ResourcePattern ForCollectionName(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        return new(ResourcePatternKind.CollectionName, "", collection);
    }

    /// <summary>The resource as <c>connectionStatus</c> and <c>rolesInfo</c> show it.</summary>
    public BsonDocument ToBsonDocument() => Kind switch
    {
        ResourcePatternKind.AnyResource => new BsonDocument("anyResource", true),
        ResourcePatternKind.Cluster => new BsonDocument("cluster", true),
        _ => new BsonDocument { { "db", Database }, { "collection", Collection } },
    };

    public override string ToString() => Kind switch
    {
        ResourcePatternKind.AnyResource => "<all resources>",
        ResourcePatternKind.Cluster => "<system resource>",
        ResourcePatternKind.AnyNormalResource => "<all normal resources>",
        ResourcePatternKind.Database => $"<database {Database}>",
        ResourcePatternKind.CollectionName => $"<collection {Collection} in any database>",
        _ => $"{Database}.{Collection}",
    };
}
