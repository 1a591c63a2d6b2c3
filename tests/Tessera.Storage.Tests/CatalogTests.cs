using MongoDB.Bson;

namespace Tessera.Storage.Tests;

public sealed class CatalogTests : IDisposable
{
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void Create_lists_the_collection_with_its_options_and_a_uuid()
    {
        var ns = new NamespaceString("shop", "orders");
        var options = new BsonDocument("validator", new BsonDocument("total", new BsonDocument("$gte", 0)));

        var created = _storage.Engine.CreateCollection(ns, options);

        Assert.NotEqual(Guid.Empty, created.Uuid);
        Assert.Equal(options, created.Options);
        Assert.Equal([created], _storage.Engine.ListCollections("shop"));
        Assert.Equal(["shop"], _storage.Engine.ListDatabaseNames());
        var exists = Assert.Throws<NamespaceExistsException>(() => _storage.Engine.CreateCollection(ns));
        Assert.Equal(StorageErrorCodes.NamespaceExists, exists.Code);
    }

    [Fact]
    public void Insert_creates_the_collection_implicitly()
    {
        var ns = new NamespaceString("shop", "carts");
        _storage.Engine.Insert(ns, new BsonDocument("_id", 1));

        var info = _storage.Engine.GetCollection(ns);
        Assert.NotNull(info);
        Assert.Empty(info.Options);
    }

    [Fact]
    public void Dropping_a_collection_removes_it_and_its_documents()
    {
        var orders = new NamespaceString("shop", "orders");
        var carts = new NamespaceString("shop", "carts");
        _storage.Engine.Insert(orders, new BsonDocument("_id", 1));
        _storage.Engine.Insert(carts, new BsonDocument("_id", 1));
        var oldUuid = _storage.Engine.GetCollection(orders)!.Uuid;

        Assert.True(_storage.Engine.DropCollection(orders));

        Assert.Null(_storage.Engine.GetCollection(orders));
        Assert.Equal(0, _storage.Engine.Count(orders));
        Assert.Equal([carts], _storage.Engine.ListCollections("shop").Select(c => c.Namespace));
        Assert.Equal(1, _storage.Engine.Count(carts));
        Assert.False(_storage.Engine.DropCollection(orders));

        _storage.Engine.Insert(orders, new BsonDocument("_id", 2));
        Assert.NotEqual(oldUuid, _storage.Engine.GetCollection(orders)!.Uuid);
        Assert.Null(_storage.Engine.FindById(orders, 1));
    }

    [Fact]
    public void Dropping_a_database_removes_all_its_collections_and_nothing_else()
    {
        _storage.Engine.Insert(new NamespaceString("shop", "orders"), new BsonDocument("_id", 1));
        _storage.Engine.Insert(new NamespaceString("shop", "carts"), new BsonDocument("_id", 1));
        _storage.Engine.Insert(new NamespaceString("shop2", "orders"), new BsonDocument("_id", 1));

        Assert.True(_storage.Engine.DropDatabase("shop"));

        Assert.Equal(["shop2"], _storage.Engine.ListDatabaseNames());
        Assert.Empty(_storage.Engine.ListCollections("shop"));
        Assert.Null(_storage.Engine.FindById(new NamespaceString("shop", "orders"), 1));
        Assert.Equal(1, _storage.Engine.Count(new NamespaceString("shop2", "orders")));
        Assert.False(_storage.Engine.DropDatabase("shop"));
    }

    [Fact]
    public void A_database_name_differing_only_in_case_is_refused()
    {
        _storage.Engine.Insert(new NamespaceString("Shop", "orders"), new BsonDocument("_id", 1));

        var error = Assert.Throws<StorageException>(() => _storage.Engine.Insert(new NamespaceString("shop", "orders"), new BsonDocument("_id", 1)));

        Assert.Equal(StorageErrorCodes.DatabaseDifferCase, error.Code);
        Assert.Contains("[Shop]", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Shop"], _storage.Engine.ListDatabaseNames());
    }
}
