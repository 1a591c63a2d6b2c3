using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage.Tests;

public sealed class RenameAndStatisticsTests : IDisposable
{
    private static readonly NamespaceString Old = new("app", "old");
    private static readonly NamespaceString New = new("archive", "new");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void A_rename_moves_documents_and_indexes_also_into_another_database()
    {
        var engine = _storage.Engine;
        engine.CreateIndex(Old, new IndexSpec(new BsonDocument("email", 1), unique: true));
        engine.Insert(Old, new BsonDocument { { "_id", 1 }, { "email", "a@example.com" } });

        engine.RenameCollection(Old, New, dropTarget: false);

        Assert.Null(engine.GetCollection(Old));
        Assert.Equal("a@example.com", _storage.Reopen().FindById(New, 1)!["email"].AsString);
        Assert.Equal(["_id_", "email_1"], _storage.Engine.ListIndexes(New).Select(i => i.Name));
        Assert.Throws<DuplicateKeyException>(() => _storage.Engine.Insert(New, new BsonDocument { { "_id", 2 }, { "email", "a@example.com" } }));
        Assert.Equal(["archive"], _storage.Engine.ListDatabaseNames());
    }

    [Fact]
    public void A_rename_refuses_a_missing_source_and_an_existing_target_unless_asked_to_drop_it()
    {
        var engine = _storage.Engine;
        var missing = Assert.Throws<StorageException>(() => engine.RenameCollection(Old, New, dropTarget: false));
        Assert.Equal((26, "Source collection app.old does not exist"), (missing.Code, missing.Message));

        engine.Insert(Old, new BsonDocument("_id", "from-old"));
        engine.Insert(New, new BsonDocument("_id", "from-new"));
        Assert.Equal(48, Assert.Throws<StorageException>(() => engine.RenameCollection(Old, New, dropTarget: false)).Code);
        Assert.Equal(20, Assert.Throws<StorageException>(() => engine.RenameCollection(Old, Old, dropTarget: true)).Code);

        engine.RenameCollection(Old, New, dropTarget: true);
        Assert.Equal(["from-old"], engine.ScanInIdOrder(New).Select(d => d["_id"].AsString));
    }

    [Fact]
    public void Statistics_count_documents_and_bytes_per_collection_and_index()
    {
        var engine = _storage.Engine;
        Assert.Null(engine.Statistics(Old));
        engine.CreateIndex(Old, new IndexSpec(new BsonDocument("tags", 1)));
        var documents = new[]
        {
            new BsonDocument { { "_id", 1 }, { "tags", new BsonArray { "a", "b" } } },
            new BsonDocument { { "_id", 2 }, { "tags", "c" } },
        };
        foreach (var document in documents)
        {
            engine.Insert(Old, document);
        }

        var statistics = engine.Statistics(Old)!;
        Assert.Equal(2, statistics.Count);
        Assert.Equal(documents.Sum(d => d.ToBson().Length), statistics.DataSize);
        Assert.Equal(statistics.DataSize, engine.DataSize("app"));
        Assert.True(statistics.IndexSizes["tags_1"] > statistics.IndexSizes["_id_"], "three entries against two keys");
    }
}
