using MongoDB.Bson;

namespace Tessera.Storage.Tests;

public sealed class TransactionTests : IDisposable
{
    private static readonly NamespaceString Items = new("test", "items");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void A_committed_batch_is_visible_as_a_whole()
    {
        using (var transaction = _storage.Engine.BeginTransaction())
        {
            for (var i = 0; i < 500; i++)
            {
                transaction.Insert(Items, new BsonDocument("_id", i));
            }

            Assert.Equal(500, transaction.Count(Items));
            Assert.Equal(0, _storage.Engine.Count(Items));
            transaction.Commit();
        }

        Assert.Equal(500, _storage.Engine.Count(Items));
    }

    [Fact]
    public void A_batch_that_fails_midway_leaves_nothing_behind()
    {
        _storage.Engine.Insert(new NamespaceString("test", "other"), new BsonDocument("_id", 1));

        Assert.Throws<DuplicateKeyException>(() =>
        {
            using var transaction = _storage.Engine.BeginTransaction();
            transaction.Insert(Items, new BsonDocument("_id", 1));
            transaction.Insert(Items, new BsonDocument("_id", 2));
            transaction.DropCollection(new NamespaceString("test", "other"));
            transaction.Insert(Items, new BsonDocument("_id", 1.0)); // duplicate: the batch stops here
            transaction.Commit();
        });

        Assert.Null(_storage.Engine.GetCollection(Items));
        Assert.Equal(0, _storage.Engine.Count(Items));
        Assert.Equal(1, _storage.Engine.Count(new NamespaceString("test", "other")));

        // The write lock was released: the next writer gets in.
        _storage.Engine.Insert(Items, new BsonDocument("_id", 3));
        Assert.Equal(1, _storage.Engine.Count(Items));
    }

    [Fact]
    public void An_unordered_batch_goes_on_after_a_duplicate()
    {
        _storage.Engine.Insert(Items, new BsonDocument("_id", 2));
        var failed = new List<int>();
        using (var transaction = _storage.Engine.BeginTransaction())
        {
            foreach (var id in new[] { 1, 2, 3 })
            {
                try
                {
                    transaction.Insert(Items, new BsonDocument("_id", id));
                }
                catch (DuplicateKeyException)
                {
                    failed.Add(id);
                }
            }

            transaction.Commit();
        }

        Assert.Equal([2], failed);
        Assert.Equal([1, 2, 3], _storage.Engine.ScanInIdOrder(Items).Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void A_transaction_cannot_be_used_after_it_ends()
    {
        var transaction = _storage.Engine.BeginTransaction();
        transaction.Insert(Items, new BsonDocument("_id", 1));
        transaction.Commit();
        Assert.Throws<InvalidOperationException>(() => transaction.Insert(Items, new BsonDocument("_id", 2)));
        transaction.Dispose();
        Assert.Throws<ObjectDisposedException>(() => transaction.Count(Items));
        Assert.Equal(1, _storage.Engine.Count(Items));
    }
}
