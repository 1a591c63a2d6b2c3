using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// The catalog and the documents as seen through one session. The engine makes one per read on a
/// pooled connection; a transaction keeps one for its lifetime.
/// </summary>
internal sealed class SqliteDocumentStore(SqliteSession session) : IDocumentReader, IDocumentWriter
{
    private readonly SqliteCatalog _catalog = new(session);

    public IReadOnlyList<string> ListDatabaseNames() => _catalog.ListDatabaseNames();

    public IReadOnlyList<CollectionInfo> ListCollections(string databaseName) => _catalog.ListCollections(databaseName);

    public CollectionInfo? GetCollection(NamespaceString ns) => _catalog.Find(ns)?.Info;

    public BsonDocument? FindById(NamespaceString ns, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_catalog.Find(ns) is not { } collection)
        {
            return null;
        }

        var bytes = session.Scalar(
            "SELECT document FROM documents WHERE collection_id = $c AND id_key = $k",
            ("$c", collection.Id),
            ("$k", IndexKeyEncoder.Encode(id)));
        return bytes is byte[] bson ? BsonSerializer.Deserialize<BsonDocument>(bson) : null;
    }

    public IEnumerable<BsonDocument> ScanInIdOrder(NamespaceString ns)
    {
        if (_catalog.Find(ns) is not { } collection)
        {
            yield break;
        }

        // One statement is one snapshot under WAL: the scan sees the collection as it was when it began.
        using var command = session.Command(
            "SELECT document FROM documents WHERE collection_id = $c ORDER BY id_key", ("$c", collection.Id));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(0));
        }
    }

    public long Count(NamespaceString ns) =>
        _catalog.Find(ns) is { } collection
            ? (long)session.Scalar("SELECT COUNT(*) FROM documents WHERE collection_id = $c", ("$c", collection.Id))!
            : 0;

    public CollectionInfo CreateCollection(NamespaceString ns, BsonDocument? options = null) =>
        _catalog.Create(ns, options ?? []).Info;

    public bool DropCollection(NamespaceString ns) => _catalog.Drop(ns);

    public bool DropDatabase(string databaseName) => _catalog.DropDatabase(databaseName);

    public void Insert(NamespaceString ns, BsonDocument document)
    {
        var id = DocumentIdRules.IdOf(document);
        var collection = _catalog.Find(ns) ?? _catalog.Create(ns, []);

        // ON CONFLICT DO NOTHING turns a duplicate into "no row changed", leaving the transaction
        // usable for the next document of an unordered insert.
        var inserted = session.Execute(
            "INSERT INTO documents (collection_id, id_key, document) VALUES ($c, $k, $d) ON CONFLICT DO NOTHING",
            ("$c", collection.Id),
            ("$k", IndexKeyEncoder.Encode(id)),
            ("$d", document.ToBson()));
        if (inserted == 0)
        {
            throw new DuplicateKeyException(ns, id);
        }
    }

    public bool Replace(NamespaceString ns, BsonDocument document)
    {
        var id = DocumentIdRules.IdOf(document);
        return _catalog.Find(ns) is { } collection
            && session.Execute(
                "UPDATE documents SET document = $d WHERE collection_id = $c AND id_key = $k",
                ("$c", collection.Id),
                ("$k", IndexKeyEncoder.Encode(id)),
                ("$d", document.ToBson())) > 0;
    }

    public bool DeleteById(NamespaceString ns, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _catalog.Find(ns) is { } collection
            && session.Execute(
                "DELETE FROM documents WHERE collection_id = $c AND id_key = $k",
                ("$c", collection.Id),
                ("$k", IndexKeyEncoder.Encode(id))) > 0;
    }
}
