using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage.Sqlite;

/// <summary>
/// The storage engine on one SQLite file, <c>tessera.db</c>, in the data directory (--dbpath).
/// </summary>
/// <remarks>
/// WAL journaling lets readers run beside the writer and beside each other, each on its own pooled
/// connection. synchronous=FULL makes every commit reach the disk before it returns, so an
/// acknowledged write survives a power cut. Writers take an in-process lock first, so they queue
/// here instead of spinning on SQLITE_BUSY; the busy timeout covers the moments SQLite itself needs
/// (checkpoints).
/// </remarks>
public sealed class SqliteStorageEngine : IStorageEngine
{
    public const string DatabaseFileName = "tessera.db";

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly DataDirectoryLock _directoryLock;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _disposed;

    private SqliteStorageEngine(string dataDirectory, string connectionString, DataDirectoryLock directoryLock)
    {
        DataDirectory = dataDirectory;
        _connectionString = connectionString;
        _directoryLock = directoryLock;
    }

    public string DataDirectory { get; }

    public string DatabaseFilePath => Path.Combine(DataDirectory, DatabaseFileName);

    /// <summary>Opens (creating if new) the data set in <paramref name="dataDirectory"/>, which must exist.</summary>
    public static SqliteStorageEngine Open(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(directory))
        {
            throw new StorageException(
                StorageErrorCodes.NonExistentPath,
                "NonExistentPath",
                $"Data directory {directory} not found. Create the missing directory or specify another path "
                + "using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file.");
        }

        var directoryLock = DataDirectoryLock.Acquire(directory);
        try
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, DatabaseFileName),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString();
            var engine = new SqliteStorageEngine(directory, connectionString, directoryLock);
            engine.PrepareFile();
            return engine;
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    public IStorageTransaction BeginTransaction()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writeLock.Wait();
        SqliteConnection? connection = null;
        try
        {
            connection = OpenConnection();
            return new SqliteStorageTransaction(connection, () => _writeLock.Release());
        }
        catch
        {
            connection?.Dispose();
            _writeLock.Release();
            throw;
        }
    }

    public IReadOnlyList<string> ListDatabaseNames() => Read(store => store.ListDatabaseNames());

    public IReadOnlyList<CollectionInfo> ListCollections(string databaseName) => Read(store => store.ListCollections(databaseName));

    public CollectionInfo? GetCollection(NamespaceString ns) => Read(store => store.GetCollection(ns));

    public BsonDocument? FindById(NamespaceString ns, BsonValue id) => Read(store => store.FindById(ns, id));

    public IEnumerable<BsonDocument> ScanInIdOrder(NamespaceString ns)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Scan(ns);

        // The connection opens on the first MoveNext and closes when the enumerator is disposed.
        IEnumerable<BsonDocument> Scan(NamespaceString ns)
        {
            using var connection = OpenConnection();
            foreach (var document in new SqliteDocumentStore(new SqliteSession(connection, null)).ScanInIdOrder(ns))
            {
                yield return document;
            }
        }
    }

    public long Count(NamespaceString ns) => Read(store => store.Count(ns));

    public long DataSize(string databaseName) => Read(store => store.DataSize(databaseName));

    public IReadOnlyList<IndexSpec> ListIndexes(NamespaceString ns) => Read(store => store.ListIndexes(ns));

    public IEnumerable<BsonDocument> ScanIndex(NamespaceString ns, string indexName, IndexRange range, bool reverse = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Scan();

        // As ScanInIdOrder: the connection lives as long as the enumeration.
        IEnumerable<BsonDocument> Scan()
        {
            using var connection = OpenConnection();
            foreach (var document in new SqliteDocumentStore(new SqliteSession(connection, null)).ScanIndex(ns, indexName, range, reverse))
            {
                yield return document;
            }
        }
    }

    public bool CreateIndex(NamespaceString ns, IndexSpec index) => Write(transaction => transaction.CreateIndex(ns, index));

    public bool DropIndex(NamespaceString ns, string indexName) => Write(transaction => transaction.DropIndex(ns, indexName));

    public CollectionInfo CreateCollection(NamespaceString ns, BsonDocument? options = null) =>
        Write(transaction => transaction.CreateCollection(ns, options));

    public bool DropCollection(NamespaceString ns) => Write(transaction => transaction.DropCollection(ns));

    public bool DropDatabase(string databaseName) => Write(transaction => transaction.DropDatabase(databaseName));

    public void RenameCollection(NamespaceString from, NamespaceString to, bool dropTarget) =>
        Write(transaction =>
        {
            transaction.RenameCollection(from, to, dropTarget);
            return true;
        });

    public CollectionStatistics? Statistics(NamespaceString ns) => Read(store => store.Statistics(ns));

    public void Insert(NamespaceString ns, BsonDocument document) =>
        Write(transaction =>
        {
            transaction.Insert(ns, document);
            return true;
        });

    public bool Replace(NamespaceString ns, BsonDocument document) => Write(transaction => transaction.Replace(ns, document));

    public bool DeleteById(NamespaceString ns, BsonValue id) => Write(transaction => transaction.DeleteById(ns, id));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Closing the pooled connections lets the last one checkpoint the WAL into the main file and
        // releases the files, so the directory can be reopened or removed.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _directoryLock.Dispose();
        _writeLock.Dispose();
    }

    private void PrepareFile()
    {
        using var connection = OpenConnection();
        var session = new SqliteSession(connection, null);

        // WAL is a property of the file: set once, it stays.
        var journalMode = session.Scalar("PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageException(
                StorageErrorCodes.BadValue,
                "BadValue",
                $"{DatabaseFilePath} could not be switched to write-ahead logging (journal_mode is {journalMode}). "
                + "Put the data directory on a local file system that supports shared memory.");
        }

        var version = (long)session.Scalar("PRAGMA user_version")!;
        if (version > SqliteSchema.Version)
        {
            throw new StorageException(
                StorageErrorCodes.BadValue,
                "BadValue",
                $"{DatabaseFilePath} has format version {version}, newer than this Tessera understands ({SqliteSchema.Version}). "
                + "Run a newer Tessera on this data directory.");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var schema = new SqliteSession(connection, transaction);
        schema.Execute(SqliteSchema.CreateTables);
        schema.Execute($"PRAGMA user_version = {SqliteSchema.Version}");
        transaction.Commit();
    }

    /// <summary>
    /// A pooled connection set up for Tessera. synchronous and busy_timeout belong to the
    /// connection, not the file, so they are set on every open.
    /// </summary>
    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            new SqliteSession(connection, null).Execute(
                $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private T Read<T>(Func<SqliteDocumentStore, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = OpenConnection();
        return read(new SqliteDocumentStore(new SqliteSession(connection, null)));
    }

    private T Write<T>(Func<IStorageTransaction, T> write)
    {
        using var transaction = BeginTransaction();
        var result = write(transaction);
        transaction.Commit();
        return result;
    }
}
