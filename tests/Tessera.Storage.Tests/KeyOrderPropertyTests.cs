using MongoDB.Bson;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Tests;

/// <summary>
/// Over thousands of seeded random values, the order of encoded keys (memcmp) is exactly the order
/// of <see cref="MongoOrderReference"/>: the same values sort before, after or equal to each other.
/// </summary>
public sealed class KeyOrderPropertyTests
{
    private const int Seed = 20251123;

    [Fact]
    public void Sorting_by_encoded_bytes_equals_sorting_by_MongoDB_order()
    {
        var generator = new RandomBsonValues(Seed);
        var values = Enumerable.Range(0, 5000).Select(_ => generator.Next()).ToList();
        var keyed = values.Select(v => (Value: v, Key: IndexKeyEncoder.Encode(v))).ToList();

        keyed.Sort((a, b) => MongoOrderReference.Instance.Compare(a.Value, b.Value));

        // With both orders total, agreeing on every adjacent pair of the reference order (less or
        // equal) means the two orders are the same.
        for (var i = 1; i < keyed.Count; i++)
        {
            var expected = Math.Sign(MongoOrderReference.Instance.Compare(keyed[i - 1].Value, keyed[i].Value));
            var actual = Math.Sign(Memcmp(keyed[i - 1].Key, keyed[i].Key));
            Assert.True(expected == actual, Describe(keyed[i - 1].Value, keyed[i].Value, expected, actual));
        }
    }

    [Fact]
    public void Random_pairs_compare_as_MongoDB_compares_them()
    {
        var generator = new RandomBsonValues(Seed + 1);
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (generator.Next(), generator.Next());
            var expected = Math.Sign(MongoOrderReference.Instance.Compare(a, b));
            var actual = Math.Sign(Memcmp(IndexKeyEncoder.Encode(a), IndexKeyEncoder.Encode(b)));
            Assert.True(expected == actual, Describe(a, b, expected, actual));
        }
    }

    [Fact]
    public void Random_numbers_compare_by_exact_value()
    {
        var generator = new RandomBsonValues(Seed + 2);
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (generator.NextNumber(), generator.NextNumber());
            var expected = Math.Sign(MongoOrderReference.Instance.Compare(a, b));
            var actual = Math.Sign(Memcmp(IndexKeyEncoder.Encode(a), IndexKeyEncoder.Encode(b)));
            Assert.True(expected == actual, Describe(a, b, expected, actual));
        }
    }

    [Fact]
    public void Compound_keys_compare_component_by_component_with_their_directions()
    {
        var generator = new RandomBsonValues(Seed + 3);
        var random = new Random(Seed);
        for (var i = 0; i < 10_000; i++)
        {
            var directions = new[] { RandomDirection(random), RandomDirection(random), RandomDirection(random) };
            var a = directions.Select(d => new KeyComponent(generator.Next(1), d)).ToArray();
            var b = directions.Select((d, j) => new KeyComponent(random.Next(3) == 0 ? a[j].Value : generator.Next(1), d)).ToArray();

            var expected = 0;
            for (var j = 0; j < a.Length && expected == 0; j++)
            {
                expected = Math.Sign(MongoOrderReference.Instance.Compare(a[j].Value, b[j].Value)) * (int)directions[j];
            }

            var actual = Math.Sign(Memcmp(IndexKeyEncoder.Encode(a), IndexKeyEncoder.Encode(b)));
            Assert.True(expected == actual, $"{string.Join(", ", a)} vs {string.Join(", ", b)}: expected {expected}, encoded {actual}");
        }
    }

    internal static int Memcmp(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);

    private static KeyDirection RandomDirection(Random random) =>
        random.Next(2) == 0 ? KeyDirection.Ascending : KeyDirection.Descending;

    private static string Describe(BsonValue? a, BsonValue? b, int expected, int actual) =>
        $"{Show(a)} vs {Show(b)}: MongoDB order {expected}, encoded order {actual}";

    private static string Show(BsonValue? value) => value is null ? "(missing)" : $"{value.BsonType}:{value.ToJson()}";
}
