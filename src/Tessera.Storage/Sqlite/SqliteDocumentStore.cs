using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Tessera.Storage.Indexes;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// The catalog and the documents as seen through one session. The engine makes one per read on a
/// pooled connection; a transaction keeps one for its lifetime.
/// </summary>
internal sealed class SqliteDocumentStore(SqliteSession session) : IDocumentReader, IDocumentWriter
{
    private readonly SqliteCatalog _catalog = new(session);

    private SqliteIndexes Indexes => _catalog.Indexes;

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

    public long DataSize(string databaseName) =>
        (long)session.Scalar(
            "SELECT COALESCE(SUM(LENGTH(d.document)), 0) FROM documents d JOIN collections c ON c.id = d.collection_id WHERE c.database_name = $db",
            ("$db", databaseName))!;

    public IReadOnlyList<IndexSpec> ListIndexes(NamespaceString ns) =>
        _catalog.Find(ns) is { } collection ? [IndexSpec.Id, .. Indexes.List(collection.Id).Select(i => i.Spec)] : [];

    public IEnumerable<BsonDocument> ScanIndex(NamespaceString ns, string indexName, IndexRange range, bool reverse = false)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (_catalog.Find(ns) is not { } collection)
        {
            return [];
        }

        if (indexName == IndexSpec.IdIndexName)
        {
            return ScanIds(collection, range.ToKeyRange(IndexSpec.Id), reverse);
        }

        var (id, spec) = Indexes.List(collection.Id).FirstOrDefault(i => i.Spec.Name == indexName);
        return spec is null
            ? throw new StorageException(StorageErrorCodes.IndexNotFound, "IndexNotFound", $"index not found with name [{indexName}]")
            : Indexes.Scan(collection, id, spec, range, reverse);
    }

    public bool CreateIndex(NamespaceString ns, IndexSpec index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var collection = _catalog.Find(ns) ?? _catalog.Create(ns, []);
        return Indexes.Create(collection, index);
    }

    public bool DropIndex(NamespaceString ns, string indexName)
    {
        if (indexName == IndexSpec.IdIndexName)
        {
            throw new StorageException(StorageErrorCodes.InvalidOptions, "InvalidOptions", "cannot drop _id index");
        }

        return _catalog.Find(ns) is { } collection && Indexes.Drop(collection.Id, indexName);
    }

    public CollectionInfo CreateCollection(NamespaceString ns, BsonDocument? options = null) =>
        _catalog.Create(ns, options ?? []).Info;

    public bool DropCollection(NamespaceString ns) => _catalog.Drop(ns);

    public bool DropDatabase(string databaseName) => _catalog.DropDatabase(databaseName);

    public void RenameCollection(NamespaceString from, NamespaceString to, bool dropTarget) => _catalog.Rename(from, to, dropTarget);

    public CollectionStatistics? Statistics(NamespaceString ns)
    {
        if (_catalog.Find(ns) is not { } collection)
        {
            return null;
        }

        using var command = session.Command(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(document)), 0), COALESCE(SUM(LENGTH(id_key)), 0) FROM documents WHERE collection_id = $c",
            ("$c", collection.Id));
        using var reader = command.ExecuteReader();
        reader.Read();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal) { [IndexSpec.IdIndexName] = reader.GetInt64(2) };
        foreach (var (id, spec) in Indexes.List(collection.Id))
        {
            sizes[spec.Name] = (long)session.Scalar(
                "SELECT COALESCE(SUM(LENGTH(key) + LENGTH(id_key)), 0) FROM index_entries WHERE index_id = $i", ("$i", id))!;
        }

        return new CollectionStatistics(reader.GetInt64(0), reader.GetInt64(1), sizes);
    }

    public void Insert(NamespaceString ns, BsonDocument document)
    {
        var id = DocumentIdRules.IdOf(document);
        var idKey = IndexKeyEncoder.Encode(id);
        var collection = _catalog.Find(ns) ?? _catalog.Create(ns, []);

        // Index keys are made and checked before anything is written, so a refused document leaves no trace.
        var entries = Indexes.Prepare(collection, document, idKey);

        // ON CONFLICT DO NOTHING turns a duplicate into "no row changed", leaving the transaction
        // usable for the next document of an unordered insert.
        var inserted = session.Execute(
            "INSERT INTO documents (collection_id, id_key, document) VALUES ($c, $k, $d) ON CONFLICT DO NOTHING",
            ("$c", collection.Id),
            ("$k", idKey),
            ("$d", document.ToBson()));
        if (inserted == 0)
        {
            throw new DuplicateKeyException(ns, id);
        }

        Indexes.Add(entries, idKey);
    }

    public bool Replace(NamespaceString ns, BsonDocument document)
    {
        var id = DocumentIdRules.IdOf(document);
        if (_catalog.Find(ns) is not { } collection || FindById(ns, id) is not { } old)
        {
            return false;
        }

        var idKey = IndexKeyEncoder.Encode(id);
        var entries = Indexes.Prepare(collection, document, idKey);
        session.Execute(
            "UPDATE documents SET document = $d WHERE collection_id = $c AND id_key = $k",
            ("$c", collection.Id),
            ("$k", idKey),
            ("$d", document.ToBson()));
        Indexes.Remove(collection.Id, old, idKey);
        Indexes.Add(entries, idKey);
        return true;
    }

    public bool DeleteById(NamespaceString ns, BsonValue id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_catalog.Find(ns) is not { } collection || FindById(ns, id) is not { } old)
        {
            return false;
        }

        var idKey = IndexKeyEncoder.Encode(id);
        session.Execute("DELETE FROM documents WHERE collection_id = $c AND id_key = $k", ("$c", collection.Id), ("$k", idKey));
        Indexes.Remove(collection.Id, old, idKey);
        return true;
    }

    private IEnumerable<BsonDocument> ScanIds(CatalogEntry collection, (byte[] From, byte[]? To) keys, bool reverse)
    {
        using var command = session.Command(
            $"SELECT document FROM documents WHERE collection_id = $c AND id_key >= $from {(keys.To is null ? string.Empty : "AND id_key < $to")} ORDER BY id_key {(reverse ? "DESC" : "ASC")}",
            ("$c", collection.Id), ("$from", keys.From), ("$to", keys.To));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(0));
        }
    }
}
