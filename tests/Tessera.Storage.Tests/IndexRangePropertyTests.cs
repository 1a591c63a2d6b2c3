using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage.Tests;

/// <summary>
/// Range scans checked against an independent reference: for random values of every type and random bounds, the
/// documents an index range returns are exactly those the reference comparer puts inside the bounds, in its order.
/// </summary>
public sealed class IndexRangePropertyTests : IDisposable
{
    private static readonly NamespaceString Values = new("prop", "values");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, -1)]
    [InlineData(3, 1)]
    public void A_range_scan_returns_exactly_the_values_between_the_bounds_in_order(int seed, int direction)
    {
        var random = new RandomBsonValues(seed);
        var stored = new List<(int Id, BsonValue Value)>();
        for (var i = 0; i < 300; i++)
        {
            // Scalars and documents only: an array value is several keys (covered by the multikey tests).
            var value = random.Next() ?? BsonNull.Value;
            if (value is BsonArray || (value is BsonDouble d && double.IsNaN(d.Value)))
            {
                continue;
            }

            _storage.Engine.Insert(Values, new BsonDocument { { "_id", i }, { "v", value } });
            stored.Add((i, value));
        }

        _storage.Engine.CreateIndex(Values, new IndexSpec(new BsonDocument("v", direction)));
        var name = direction == 1 ? "v_1" : "v_-1";
        var reference = MongoOrderReference.Instance;
        var picker = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            var a = stored[picker.Next(stored.Count)].Value;
            var b = stored[picker.Next(stored.Count)].Value;
            var (low, high) = reference.Compare(a, b) <= 0 ? (a, b) : (b, a);
            var lower = new IndexBound(low, picker.Next(2) == 0);
            var upper = new IndexBound(high, picker.Next(2) == 0);

            var expected = stored
                .Where(s => (lower.Inclusive ? reference.Compare(s.Value, low) >= 0 : reference.Compare(s.Value, low) > 0)
                    && (upper.Inclusive ? reference.Compare(s.Value, high) <= 0 : reference.Compare(s.Value, high) < 0))
                .Select(s => s.Id)
                .Order()
                .ToList();
            var scanned = _storage.Engine.ScanIndex(Values, name, new IndexRange([], lower, upper)).ToList();

            Assert.Equal(expected, scanned.Select(d => d["_id"].AsInt32).Order().ToList());
            var ordered = scanned.Select(d => d["v"]).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(direction * reference.Compare(ordered[i - 1], ordered[i]) <= 0, $"index order at {i}: {ordered[i - 1]} then {ordered[i]}");
            }
        }
    }
}
