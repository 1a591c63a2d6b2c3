using MongoDB.Bson;

namespace Tessera.Storage.Tests;

/// <summary>A collection scan comes back in MongoDB's _id order, which SQLite gets from the key bytes alone.</summary>
public sealed class ScanOrderTests : IDisposable
{
    private static readonly NamespaceString Things = new("test", "things");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void Mixed_id_types_scan_in_MongoDB_order()
    {
        BsonValue[] expected =
        [
            BsonMinKey.Value,
            BsonNull.Value,
            double.NaN,
            double.NegativeInfinity,
            long.MinValue,
            -1.5,
            0,
            new BsonDecimal128(Decimal128.Parse("0.1")),
            0.1,
            1L,
            9007199254740992.0,
            9007199254740993L,
            long.MaxValue,
            double.PositiveInfinity,
            "",
            "a",
            "a\0",
            "ab",
            new BsonDocument("a", 1),
            new BsonBinaryData([9]),
            ObjectId.Parse("000000000000000000000001"),
            ObjectId.Parse("ffffffffffffffffffffffff"),
            false,
            true,
            new BsonDateTime(-5),
            new BsonDateTime(5),
            new BsonTimestamp(1, 1),
            BsonMaxKey.Value,
        ];
        foreach (var id in expected.OrderBy(_ => Random.Shared.Next()))
        {
            _storage.Engine.Insert(Things, new BsonDocument("_id", id));
        }

        var scanned = _storage.Engine.ScanInIdOrder(Things).Select(d => d["_id"]).ToList();

        Assert.Equal(expected.Select(v => v.ToJson()), scanned.Select(v => v.ToJson()));
    }

    [Fact]
    public void Random_ids_scan_in_the_reference_order()
    {
        var generator = new RandomBsonValues(42);
        var ids = new List<BsonValue>();
        for (var attempt = 0; ids.Count < 400 && attempt < 2000; attempt++)
        {
            var id = generator.NextId();
            if (!ids.Any(existing => MongoOrderReference.Instance.Compare(existing, id) == 0))
            {
                ids.Add(id);
            }
        }

        using (var transaction = _storage.Engine.BeginTransaction())
        {
            foreach (var id in ids)
            {
                transaction.Insert(Things, new BsonDocument("_id", id));
            }

            transaction.Commit();
        }

        var scanned = _storage.Engine.ScanInIdOrder(Things).Select(d => d["_id"]).ToList();

        Assert.Equal(ids.Count, scanned.Count);
        for (var i = 1; i < scanned.Count; i++)
        {
            Assert.True(
                MongoOrderReference.Instance.Compare(scanned[i - 1], scanned[i]) < 0,
                $"{scanned[i - 1].ToJson()} came before {scanned[i].ToJson()}");
        }
    }

    [Fact]
    public void A_scan_streams_and_sees_the_collection_as_it_was_when_it_began()
    {
        using (var transaction = _storage.Engine.BeginTransaction())
        {
            for (var i = 0; i < 100; i++)
            {
                transaction.Insert(Things, new BsonDocument("_id", i));
            }

            transaction.Commit();
        }

        var seen = new List<int>();
        foreach (var document in _storage.Engine.ScanInIdOrder(Things))
        {
            seen.Add(document["_id"].AsInt32);
            if (seen.Count == 1)
            {
                // A write while the scan is open neither blocks nor shows up in it.
                _storage.Engine.Insert(Things, new BsonDocument("_id", 1000));
                _storage.Engine.DeleteById(Things, 99);
            }
        }

        Assert.Equal(Enumerable.Range(0, 100), seen);
        Assert.Equal(100, _storage.Engine.Count(Things));
    }
}
