using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Tessera.Storage.Indexes;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// Secondary indexes: their definitions (the indexes table) and their entries (index_entries, clustered by
/// index, key and _id so a range of keys is one B-tree range). Entries change with the documents, in the same
/// transaction: a write either updates the document and every index or nothing.
/// </summary>
internal sealed class SqliteIndexes(SqliteSession session)
{
    // Every write reads the collection's index list: kept for the life of this session (one transaction holds the
    // write lock, so only this object changes the definitions, and it forgets them when it does).
    private readonly Dictionary<long, IReadOnlyList<(long Id, IndexSpec Spec)>> _known = [];

    public IReadOnlyList<(long Id, IndexSpec Spec)> List(long collectionId)
    {
        if (!_known.TryGetValue(collectionId, out var indexes))
        {
            indexes = ReadList(collectionId);
            _known[collectionId] = indexes;
        }

        return indexes;
    }

    private List<(long Id, IndexSpec Spec)> ReadList(long collectionId)
    {
        using var command = session.Command("SELECT id, spec FROM indexes WHERE collection_id = $c ORDER BY id", ("$c", collectionId));
        using var reader = command.ExecuteReader();
        var indexes = new List<(long, IndexSpec)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetInt64(0), IndexSpecDocument.Read(BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(1)))));
        }

        return indexes;
    }

    /// <summary>Creates and builds the index; false when an identical one exists (createIndexes is then a no-op).</summary>
    public bool Create(CatalogEntry collection, IndexSpec spec)
    {
        foreach (var (_, existing) in List(collection.Id).Append((0, IndexSpec.Id)))
        {
            if (existing.SameDefinitionAs(spec) && existing.Name == spec.Name)
            {
                return false;
            }

            if (existing.Name == spec.Name)
            {
                throw new StorageException(StorageErrorCodes.IndexKeySpecsConflict, "IndexKeySpecsConflict",
                    $"An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: {spec.ToDocument()}, existing index: {existing.ToDocument()}");
            }

            if (existing.Key.Equals(spec.Key))
            {
                throw new StorageException(StorageErrorCodes.IndexOptionsConflict, "IndexOptionsConflict",
                    $"An equivalent index already exists with a different name and options. Requested index: {spec.ToDocument()}, existing index: {existing.ToDocument()}");
            }
        }

        _known.Clear();
        var id = (long)session.Scalar(
            "INSERT INTO indexes (collection_id, name, spec) VALUES ($c, $n, $s) RETURNING id",
            ("$c", collection.Id), ("$n", spec.Name), ("$s", spec.ToDocument().ToBson()))!;

        // Building reads the documents table while writing index_entries: two tables, one transaction.
        using var command = session.Command("SELECT document FROM documents WHERE collection_id = $c ORDER BY id_key", ("$c", collection.Id));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var document = BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(0));
            var keys = IndexKeyGenerator.KeysOf(spec, document);
            var idKey = IndexKeyEncoder.Encode(DocumentIdRules.IdOf(document));
            if (spec.Unique)
            {
                RefuseDuplicates(collection, id, spec, keys, idKey);
            }

            Insert(id, keys, idKey);
        }

        return true;
    }

    public bool Drop(long collectionId, string name)
    {
        if (List(collectionId).FirstOrDefault(i => i.Spec.Name == name) is not ({ } id, not null))
        {
            return false;
        }

        _known.Clear();
        session.Execute("DELETE FROM index_entries WHERE index_id = $i", ("$i", id));
        session.Execute("DELETE FROM indexes WHERE id = $i", ("$i", id));
        return true;
    }

    /// <summary>Removes the indexes of a collection being dropped.</summary>
    public void DropAllOf(long collectionId)
    {
        _known.Clear();
        session.Execute("DELETE FROM index_entries WHERE index_id IN (SELECT id FROM indexes WHERE collection_id = $c)", ("$c", collectionId));
        session.Execute("DELETE FROM indexes WHERE collection_id = $c", ("$c", collectionId));
    }

    /// <summary>Removes the indexes of every collection of a database being dropped.</summary>
    public void DropAllOfDatabase(string databaseName)
    {
        _known.Clear();
        const string OfDatabase = "SELECT i.id FROM indexes i JOIN collections c ON c.id = i.collection_id WHERE c.database_name = $db";
        session.Execute($"DELETE FROM index_entries WHERE index_id IN ({OfDatabase})", ("$db", databaseName));
        session.Execute($"DELETE FROM indexes WHERE id IN ({OfDatabase})", ("$db", databaseName));
    }

    /// <summary>
    /// The keys a document will have in each index, checked against the unique indexes first, so a refused
    /// document leaves nothing behind. <paramref name="idKey"/> is the document's own _id key (its old entries
    /// do not count as duplicates of itself).
    /// </summary>
    public IReadOnlyList<(long IndexId, IReadOnlyList<IndexEntryKey> Keys)> Prepare(CatalogEntry collection, BsonDocument document, byte[] idKey)
    {
        var prepared = new List<(long, IReadOnlyList<IndexEntryKey>)>();
        foreach (var (id, spec) in List(collection.Id))
        {
            var keys = IndexKeyGenerator.KeysOf(spec, document);
            if (spec.Unique)
            {
                RefuseDuplicates(collection, id, spec, keys, idKey);
            }

            prepared.Add((id, keys));
        }

        return prepared;
    }

    public void Add(IReadOnlyList<(long IndexId, IReadOnlyList<IndexEntryKey> Keys)> prepared, byte[] idKey)
    {
        foreach (var (indexId, keys) in prepared)
        {
            Insert(indexId, keys, idKey);
        }
    }

    public void Remove(long collectionId, BsonDocument document, byte[] idKey)
    {
        foreach (var (id, spec) in List(collectionId))
        {
            foreach (var key in IndexKeyGenerator.KeysOf(spec, document))
            {
                session.Execute("DELETE FROM index_entries WHERE index_id = $i AND key = $k AND id_key = $d", ("$i", id), ("$k", key.Key), ("$d", idKey));
            }
        }
    }

    /// <summary>Documents whose keys fall in the range, in index order (each once, even with several keys in it).</summary>
    public IEnumerable<BsonDocument> Scan(CatalogEntry collection, long indexId, IndexSpec spec, IndexRange range, bool reverse)
    {
        var (from, to) = range.ToKeyRange(spec);
        var order = reverse ? "DESC" : "ASC";
        using var command = session.Command(
            $"""
            SELECT d.id_key, d.document FROM index_entries e
            JOIN documents d ON d.collection_id = $c AND d.id_key = e.id_key
            WHERE e.index_id = $i AND e.key >= $from {(to is null ? string.Empty : "AND e.key < $to")}
            ORDER BY e.key {order}, e.id_key {order}
            """,
            ("$c", collection.Id), ("$i", indexId), ("$from", from), ("$to", to));
        using var reader = command.ExecuteReader();
        var returned = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (returned.Add(Convert.ToBase64String(reader.GetFieldValue<byte[]>(0))))
            {
                yield return BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(1));
            }
        }
    }

    private void RefuseDuplicates(CatalogEntry collection, long indexId, IndexSpec spec, IReadOnlyList<IndexEntryKey> keys, byte[] idKey)
    {
        foreach (var key in keys)
        {
            if (session.Scalar(
                    "SELECT 1 FROM index_entries WHERE index_id = $i AND key = $k AND id_key <> $d LIMIT 1",
                    ("$i", indexId), ("$k", key.Key), ("$d", idKey)) is not null)
            {
                throw new DuplicateKeyException(collection.Info.Namespace, spec.Name, spec.Key, key.Values);
            }
        }
    }

    private void Insert(long indexId, IReadOnlyList<IndexEntryKey> keys, byte[] idKey)
    {
        foreach (var key in keys)
        {
            session.Execute("INSERT OR IGNORE INTO index_entries (index_id, key, id_key) VALUES ($i, $k, $d)", ("$i", indexId), ("$k", key.Key), ("$d", idKey));
        }
    }
}
