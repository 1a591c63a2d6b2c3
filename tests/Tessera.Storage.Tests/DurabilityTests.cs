using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using Tessera.Storage.Sqlite;

namespace Tessera.Storage.Tests;

public sealed class DurabilityTests : IDisposable
{
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void Every_document_and_collection_is_there_after_reopening()
    {
        var events = new NamespaceString("app", "events");
        var users = new NamespaceString("admin", "system.users");
        var documents = Enumerable.Range(0, 1000)
            .Select(i => new BsonDocument { { "_id", i % 2 == 0 ? i : (BsonValue)$"id-{i}" }, { "payload", new string('x', i % 50) } })
            .ToList();
        using (var transaction = _storage.Engine.BeginTransaction())
        {
            foreach (var document in documents)
            {
                transaction.Insert(events, document);
            }

            transaction.Commit();
        }

        _storage.Engine.Insert(users, new BsonDocument { { "_id", "$external.CN=alice" }, { "user", "CN=alice" } });
        var info = _storage.Engine.CreateCollection(new NamespaceString("app", "empty"), new BsonDocument("capped", false));

        var reopened = _storage.Reopen();

        Assert.Equal(1000, reopened.Count(events));
        foreach (var document in documents)
        {
            Assert.Equal(document, reopened.FindById(events, document["_id"]));
        }

        Assert.NotNull(reopened.FindById(users, "$external.CN=alice"));
        Assert.Equal(info, reopened.GetCollection(new NamespaceString("app", "empty")));
        Assert.Equal(["admin", "app"], reopened.ListDatabaseNames());
    }

    [Fact]
    public void The_file_is_in_write_ahead_log_mode()
    {
        var path = _storage.Engine.DatabaseFilePath;
        _storage.Engine.Dispose();

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_second_engine_cannot_open_a_directory_in_use()
    {
        var error = Assert.Throws<StorageException>(() => SqliteStorageEngine.Open(_storage.DataDirectory));
        Assert.Equal(StorageErrorCodes.DBPathInUse, error.Code);
        Assert.Contains("--dbpath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_directory_is_named_in_the_error()
    {
        var missing = Path.Combine(_storage.DataDirectory, "does-not-exist");
        var error = Assert.Throws<StorageException>(() => SqliteStorageEngine.Open(missing));
        Assert.Equal(StorageErrorCodes.NonExistentPath, error.Code);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
