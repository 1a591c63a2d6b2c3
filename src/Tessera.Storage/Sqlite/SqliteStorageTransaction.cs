using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// A SQLite transaction begun IMMEDIATE on its own connection while holding the engine's write lock.
/// Commit flushes once (synchronous=FULL), however many documents were written.
/// </summary>
internal sealed class SqliteStorageTransaction : IStorageTransaction
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteDocumentStore _store;
    private Action? _releaseWriteLock;
    private bool _committed;

    public SqliteStorageTransaction(SqliteConnection connection, Action releaseWriteLock)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: false);
        _store = new SqliteDocumentStore(new SqliteSession(connection, _transaction));
        _releaseWriteLock = releaseWriteLock;
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_releaseWriteLock is null, this);
        if (_committed)
        {
            throw new InvalidOperationException("The transaction is already committed.");
        }

        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (_releaseWriteLock is not { } release)
        {
            return;
        }

        _releaseWriteLock = null;
        try
        {
            _transaction.Dispose(); // rolls back unless committed
            _connection.Dispose();
        }
        finally
        {
            release();
        }
    }

    public IReadOnlyList<string> ListDatabaseNames() => Store.ListDatabaseNames();

    public IReadOnlyList<CollectionInfo> ListCollections(string databaseName) => Store.ListCollections(databaseName);

    public CollectionInfo? GetCollection(NamespaceString ns) => Store.GetCollection(ns);

    public BsonDocument? FindById(NamespaceString ns, BsonValue id) => Store.FindById(ns, id);

    public IEnumerable<BsonDocument> ScanInIdOrder(NamespaceString ns) => Store.ScanInIdOrder(ns);

    public long Count(NamespaceString ns) => Store.Count(ns);

    public long DataSize(string databaseName) => Store.DataSize(databaseName);

    public IReadOnlyList<IndexSpec> ListIndexes(NamespaceString ns) => Store.ListIndexes(ns);

    public IEnumerable<BsonDocument> ScanIndex(NamespaceString ns, string indexName, IndexRange range, bool reverse = false) =>
        Store.ScanIndex(ns, indexName, range, reverse);

    public bool CreateIndex(NamespaceString ns, IndexSpec index) => Writable.CreateIndex(ns, index);

    public bool DropIndex(NamespaceString ns, string indexName) => Writable.DropIndex(ns, indexName);

    public CollectionInfo CreateCollection(NamespaceString ns, BsonDocument? options = null) => Writable.CreateCollection(ns, options);

    public bool DropCollection(NamespaceString ns) => Writable.DropCollection(ns);

    public bool DropDatabase(string databaseName) => Writable.DropDatabase(databaseName);

    public void RenameCollection(NamespaceString from, NamespaceString to, bool dropTarget) => Writable.RenameCollection(from, to, dropTarget);

    public CollectionStatistics? Statistics(NamespaceString ns) => Store.Statistics(ns);

    public void Insert(NamespaceString ns, BsonDocument document) => Writable.Insert(ns, document);

    public bool Replace(NamespaceString ns, BsonDocument document) => Writable.Replace(ns, document);

    public bool DeleteById(NamespaceString ns, BsonValue id) => Writable.DeleteById(ns, id);

    private SqliteDocumentStore Store
    {
        get
        {
            ObjectDisposedException.ThrowIf(_releaseWriteLock is null, this);
            return _store;
        }
    }

    private SqliteDocumentStore Writable =>
        _committed ? throw new InvalidOperationException("The transaction is committed; begin another to write again.") : Store;
}
