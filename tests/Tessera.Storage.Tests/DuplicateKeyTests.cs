using MongoDB.Bson;

namespace Tessera.Storage.Tests;

public sealed class DuplicateKeyTests : IDisposable
{
    private static readonly NamespaceString Orders = new("shop", "orders");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void A_second_document_with_the_same_id_is_refused_with_what_E11000_needs()
    {
        _storage.Engine.Insert(Orders, new BsonDocument { { "_id", "A-1" }, { "total", 10 } });

        var error = Assert.Throws<DuplicateKeyException>(
            () => _storage.Engine.Insert(Orders, new BsonDocument { { "_id", "A-1" }, { "total", 99 } }));

        Assert.Equal(11000, error.Code);
        Assert.Equal("DuplicateKey", error.CodeName);
        Assert.Equal(Orders, error.Namespace);
        Assert.Equal("_id_", error.IndexName);
        Assert.Equal(new BsonDocument("_id", 1), error.KeyPattern);
        Assert.Equal(new BsonDocument("_id", "A-1"), error.KeyValue);
        Assert.Equal("E11000 duplicate key error collection: shop.orders index: _id_ dup key: { _id: \"A-1\" }", error.Message);
        Assert.Equal(10, _storage.Engine.FindById(Orders, "A-1")!["total"].AsInt32);
    }

    [Fact]
    public void Equal_numbers_of_different_types_are_the_same_id()
    {
        _storage.Engine.Insert(Orders, new BsonDocument("_id", 1));

        var error = Assert.Throws<DuplicateKeyException>(() => _storage.Engine.Insert(Orders, new BsonDocument("_id", 1.0)));
        Assert.Equal(new BsonDocument("_id", 1.0), error.KeyValue);
        Assert.Throws<DuplicateKeyException>(() => _storage.Engine.Insert(Orders, new BsonDocument("_id", 1L)));
        Assert.Throws<DuplicateKeyException>(
            () => _storage.Engine.Insert(Orders, new BsonDocument("_id", new BsonDecimal128(Decimal128.Parse("1.0")))));
        Assert.Equal(1, _storage.Engine.Count(Orders));
    }

    [Fact]
    public void The_same_id_in_another_collection_is_no_duplicate()
    {
        _storage.Engine.Insert(Orders, new BsonDocument("_id", 1));
        _storage.Engine.Insert(new NamespaceString("shop", "invoices"), new BsonDocument("_id", 1));
        _storage.Engine.Insert(new NamespaceString("other", "orders"), new BsonDocument("_id", 1));

        Assert.Equal(1, _storage.Engine.Count(Orders));
    }
}
