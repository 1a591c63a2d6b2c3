using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// The collections table: which collections exist, in which database, with which UUID and options.
/// A database exists while it holds a collection, as in MongoDB, so it needs no table of its own.
/// </summary>
internal sealed class SqliteCatalog(SqliteSession session)
{
    /// <summary>The indexes of these collections: dropping a collection drops them, through this same object.</summary>
    public SqliteIndexes Indexes { get; } = new(session);

    private const string SelectEntry = "SELECT id, database_name, collection_name, uuid, options FROM collections";

    public IReadOnlyList<string> ListDatabaseNames()
    {
        using var command = session.Command("SELECT DISTINCT database_name FROM collections ORDER BY database_name");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public IReadOnlyList<CollectionInfo> ListCollections(string databaseName)
    {
        NamespaceRules.ValidateDatabaseName(databaseName);
        using var command = session.Command(
            $"{SelectEntry} WHERE database_name = $db ORDER BY collection_name", ("$db", databaseName));
        using var reader = command.ExecuteReader();
        var collections = new List<CollectionInfo>();
        while (reader.Read())
        {
            collections.Add(ReadEntry(reader).Info);
        }

        return collections;
    }

    // Every write looks its collection up: kept for the life of this session (the transaction holding the write lock
    // changes the catalog only through this object, which forgets what it changes).
    private readonly Dictionary<NamespaceString, CatalogEntry?> _known = [];

    public CatalogEntry? Find(NamespaceString ns)
    {
        if (!_known.TryGetValue(ns, out var entry))
        {
            entry = Read(ns);
            _known[ns] = entry;
        }

        return entry;
    }

    private CatalogEntry? Read(NamespaceString ns)
    {
        using var command = session.Command(
            $"{SelectEntry} WHERE database_name = $db AND collection_name = $coll",
            ("$db", ns.DatabaseName),
            ("$coll", ns.CollectionName));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    public CatalogEntry Create(NamespaceString ns, BsonDocument options)
    {
        if (Find(ns) is not null)
        {
            throw new NamespaceExistsException(ns);
        }

        _known.Clear();
        RefuseDatabaseDifferingOnlyInCase(ns.DatabaseName);
        var info = new CollectionInfo(ns, Guid.NewGuid(), options);
        var id = (long)session.Scalar(
            """
            INSERT INTO collections (database_name, collection_name, uuid, options)
            VALUES ($db, $coll, $uuid, $options) RETURNING id
            """,
            ("$db", ns.DatabaseName),
            ("$coll", ns.CollectionName),
            ("$uuid", info.Uuid.ToByteArray(bigEndian: true)),
            ("$options", options.ToBson()))!;
        return new CatalogEntry(id, info);
    }

    public bool Drop(NamespaceString ns)
    {
        if (Find(ns) is not { } entry)
        {
            return false;
        }

        _known.Clear();
        Indexes.DropAllOf(entry.Id);
        session.Execute("DELETE FROM documents WHERE collection_id = $id", ("$id", entry.Id));
        session.Execute("DELETE FROM collections WHERE id = $id", ("$id", entry.Id));
        return true;
    }

    public void Rename(NamespaceString from, NamespaceString to, bool dropTarget)
    {
        if (Find(from) is not { } source)
        {
            throw new StorageException(StorageErrorCodes.NamespaceNotFound, "NamespaceNotFound", $"Source collection {from} does not exist");
        }

        if (from == to)
        {
            throw new StorageException(StorageErrorCodes.IllegalOperation, "IllegalOperation", "Can't rename a collection to itself");
        }

        if (Find(to) is not null)
        {
            if (!dropTarget)
            {
                throw new StorageException(StorageErrorCodes.NamespaceExists, "NamespaceExists", "target namespace exists");
            }

            Drop(to);
        }

        _known.Clear();
        RefuseDatabaseDifferingOnlyInCase(to.DatabaseName);
        session.Execute(
            "UPDATE collections SET database_name = $db, collection_name = $coll WHERE id = $id",
            ("$db", to.DatabaseName), ("$coll", to.CollectionName), ("$id", source.Id));
    }

    public bool DropDatabase(string databaseName)
    {
        NamespaceRules.ValidateDatabaseName(databaseName);
        _known.Clear();
        Indexes.DropAllOfDatabase(databaseName);
        session.Execute(
            "DELETE FROM documents WHERE collection_id IN (SELECT id FROM collections WHERE database_name = $db)",
            ("$db", databaseName));
        return session.Execute("DELETE FROM collections WHERE database_name = $db", ("$db", databaseName)) > 0;
    }

    /// <summary>
    /// MongoDB refuses "Test" beside "test" because file systems that ignore case would merge them;
    /// refusing it here keeps a Tessera data set loadable into mongod.
    /// </summary>
    private void RefuseDatabaseDifferingOnlyInCase(string databaseName)
    {
        if (session.Scalar(
                "SELECT database_name FROM collections WHERE database_name = $db COLLATE NOCASE AND database_name <> $db LIMIT 1",
                ("$db", databaseName)) is string existing)
        {
            throw new StorageException(
                StorageErrorCodes.DatabaseDifferCase,
                "DatabaseDifferCase",
                $"db already exists with different case already have: [{existing}] trying to create [{databaseName}]");
        }
    }

    private static CatalogEntry ReadEntry(SqliteDataReader reader)
    {
        var ns = new NamespaceString(reader.GetString(1), reader.GetString(2));
        var uuid = new Guid(reader.GetFieldValue<byte[]>(3), bigEndian: true);
        var options = BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(4));
        return new CatalogEntry(reader.GetInt64(0), new CollectionInfo(ns, uuid, options));
    }
}
