using MongoDB.Bson;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Indexes;

/// <summary>
/// One index of a collection: its name, its key pattern (<c>{ a: 1, "b.c": -1 }</c>) and whether it is unique or
/// sparse. The <c>_id_</c> index every collection has is implicit: it is the documents table's own key.
/// </summary>
public sealed record IndexSpec
{
    public const string IdIndexName = "_id_";

    public IndexSpec(BsonDocument key, string? name = null, bool unique = false, bool sparse = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        Fields = ParseKey(key);
        Key = key;
        Name = name ?? DefaultName(key);
        if (Name.Length == 0)
        {
            throw new StorageException(StorageErrorCodes.CannotCreateIndex, "CannotCreateIndex", "The index name cannot be empty");
        }

        Unique = unique;
        Sparse = sparse;
    }

    public BsonDocument Key { get; }

    public string Name { get; }

    public bool Unique { get; }

    public bool Sparse { get; }

    /// <summary>The dotted paths of the key pattern and their directions, in order.</summary>
    public IReadOnlyList<(string Path, KeyDirection Direction)> Fields { get; }

    /// <summary>The implicit unique index on <c>_id</c>.</summary>
    public static IndexSpec Id { get; } = new(new BsonDocument("_id", 1), IdIndexName, unique: true);

    public bool IsId => Name == IdIndexName;

    /// <summary>mongod's default name: each field and direction joined by underscores (<c>a_1_b.c_-1</c>).</summary>
    public static string DefaultName(BsonDocument key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join("_", key.Select(e => $"{e.Name}_{e.Value}"));
    }

    /// <summary>The form listIndexes returns: <c>{ v: 2, key, name, unique?, sparse? }</c>.</summary>
    public BsonDocument ToDocument()
    {
        var document = new BsonDocument { { "v", 2 }, { "key", Key.DeepClone() }, { "name", Name } };
        if (Unique && !IsId)
        {
            document.Add("unique", true);
        }

        if (Sparse)
        {
            document.Add("sparse", true);
        }

        return document;
    }

    /// <summary>Same key pattern and options (what makes a second createIndexes a no-op).</summary>
    public bool SameDefinitionAs(IndexSpec other) =>
        other is not null && Key.Equals(other.Key) && Unique == other.Unique && Sparse == other.Sparse;

    private static List<(string, KeyDirection)> ParseKey(BsonDocument key)
    {
        if (key.ElementCount == 0)
        {
            throw new StorageException(StorageErrorCodes.CannotCreateIndex, "CannotCreateIndex", "Index keys cannot be empty.");
        }

        var fields = new List<(string, KeyDirection)>();
        foreach (var element in key)
        {
            if (element.Name.Length == 0 || element.Name.StartsWith('$') || element.Name.Split('.').Any(part => part.Length == 0))
            {
                throw new StorageException(StorageErrorCodes.CannotCreateIndex, "CannotCreateIndex", $"Index key contains an illegal field name: '{element.Name}'");
            }

            // Only ascending and descending B-tree keys; special index types (text, 2dsphere, hashed) are not supported.
            var direction = element.Value.IsNumeric ? element.Value.ToDouble() : double.NaN;
            if (double.IsNaN(direction) || direction == 0)
            {
                throw new StorageException(StorageErrorCodes.CannotCreateIndex, "CannotCreateIndex",
                    $"Values in the index key pattern can only be positive or negative numbers (1 or -1), found {element.Name}: {element.Value}");
            }

            fields.Add((element.Name, direction > 0 ? KeyDirection.Ascending : KeyDirection.Descending));
        }

        return fields;
    }
}
