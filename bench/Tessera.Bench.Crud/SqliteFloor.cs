using Microsoft.Data.Sqlite;
using MongoDB.Bson;

namespace Tessera.Bench.Crud;

/// <summary>
/// The reference: the same documents written straight into SQLite with the settings Tessera uses (WAL,
/// synchronous=FULL, a WITHOUT ROWID table keyed by a BLOB, one transaction per batch) and read back in key
/// order. What Tessera adds on top (wire protocol, commands, key encoding, indexes check) is the ratio.
/// </summary>
internal sealed class SqliteFloor : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteFloor(string directory)
    {
        _connection = new SqliteConnection($"Data Source={Path.Combine(directory, "floor.db")}");
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute("CREATE TABLE documents (id BLOB PRIMARY KEY, document BLOB NOT NULL) WITHOUT ROWID;");
    }

    public void InsertBatch(IReadOnlyList<BsonDocument> batch)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO documents (id, document) VALUES ($id, $doc)";
        var id = command.Parameters.Add("$id", SqliteType.Blob);
        var document = command.Parameters.Add("$doc", SqliteType.Blob);
        foreach (var item in batch)
        {
            id.Value = BitConverter.GetBytes(item["_id"].AsInt32);
            document.Value = item.ToBson();
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public int ReadAll()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT document FROM documents ORDER BY id";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            _ = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(reader.GetFieldValue<byte[]>(0));
            count++;
        }

        return count;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
