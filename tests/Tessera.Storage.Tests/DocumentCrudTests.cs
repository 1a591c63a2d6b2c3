using MongoDB.Bson;

namespace Tessera.Storage.Tests;

public sealed class DocumentCrudTests : IDisposable
{
    private static readonly NamespaceString People = new("test", "people");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void Insert_find_replace_delete_and_count()
    {
        var engine = _storage.Engine;
        engine.Insert(People, new BsonDocument { { "_id", 1 }, { "name", "Ada" } });
        engine.Insert(People, new BsonDocument { { "_id", 2 }, { "name", "Grace" } });

        Assert.Equal(2, engine.Count(People));
        Assert.Equal("Ada", engine.FindById(People, 1)!["name"].AsString);

        Assert.True(engine.Replace(People, new BsonDocument { { "_id", 1 }, { "name", "Ada Lovelace" }, { "born", 1815 } }));
        Assert.Equal(new BsonDocument { { "_id", 1 }, { "name", "Ada Lovelace" }, { "born", 1815 } }, engine.FindById(People, 1));

        Assert.True(engine.DeleteById(People, 2));
        Assert.Null(engine.FindById(People, 2));
        Assert.Equal(1, engine.Count(People));

        Assert.False(engine.DeleteById(People, 2));
        Assert.False(engine.Replace(People, new BsonDocument { { "_id", 3 }, { "name", "nobody" } }));
    }

    [Fact]
    public void An_id_is_found_by_value_whatever_its_numeric_type()
    {
        _storage.Engine.Insert(People, new BsonDocument { { "_id", 7 }, { "name", "seven" } });

        Assert.NotNull(_storage.Engine.FindById(People, 7L));
        Assert.NotNull(_storage.Engine.FindById(People, 7.0));
        Assert.NotNull(_storage.Engine.FindById(People, new BsonDecimal128(Decimal128.Parse("7.00"))));
        Assert.Null(_storage.Engine.FindById(People, "7"));
    }

    [Fact]
    public void Documents_come_back_byte_for_byte()
    {
        var document = new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() },
            { "double", 1.5 },
            { "long", long.MaxValue },
            { "decimal", new BsonDecimal128(Decimal128.Parse("1.10")) },
            { "binary", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard) },
            { "nested", new BsonDocument("array", new BsonArray { 1, "two", BsonNull.Value }) },
            { "date", new BsonDateTime(1_700_000_000_000) },
            { "text", "zero\0inside" },
        };
        _storage.Engine.Insert(People, document);

        var found = _storage.Engine.FindById(People, document["_id"]);
        Assert.Equal(document.ToBson(), found!.ToBson());
    }

    [Fact]
    public void A_missing_collection_reads_as_empty()
    {
        var missing = new NamespaceString("test", "missing");
        Assert.Null(_storage.Engine.FindById(missing, 1));
        Assert.Empty(_storage.Engine.ScanInIdOrder(missing));
        Assert.Equal(0, _storage.Engine.Count(missing));
        Assert.Null(_storage.Engine.GetCollection(missing));
    }

    [Fact]
    public void A_document_needs_an_id_that_MongoDB_accepts()
    {
        Assert.Throws<ArgumentException>(() => _storage.Engine.Insert(People, new BsonDocument("name", "no id")));
        var array = Assert.Throws<StorageException>(() => _storage.Engine.Insert(People, new BsonDocument("_id", new BsonArray { 1 })));
        Assert.Equal("can't use an array for _id", array.Message);
        Assert.Equal(StorageErrorCodes.BadValue, array.Code);
        Assert.Equal(0, _storage.Engine.Count(People));
    }

    [Fact]
    public void Users_live_in_admin_system_users_like_any_collection()
    {
        var users = new NamespaceString("admin", "system.users");
        var user = new BsonDocument
        {
            { "_id", "$external.CN=alice,OU=clients,O=Tessera" },
            { "user", "CN=alice,OU=clients,O=Tessera" },
            { "db", "$external" },
            { "roles", new BsonArray { new BsonDocument { { "role", "readWrite" }, { "db", "test" } } } },
        };
        _storage.Engine.Insert(users, user);

        Assert.Equal(user, _storage.Engine.FindById(users, "$external.CN=alice,OU=clients,O=Tessera"));
        Assert.Contains("admin", _storage.Engine.ListDatabaseNames());
        Assert.Contains(_storage.Engine.ListCollections("admin"), c => c.Namespace == users);
        Assert.Equal(users, NamespaceString.Parse("admin.system.users"));
        Assert.Throws<DuplicateKeyException>(() => _storage.Engine.Insert(users, user));
    }
}
