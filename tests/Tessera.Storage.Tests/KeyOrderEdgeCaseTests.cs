using MongoDB.Bson;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Tests;

/// <summary>Hand-picked cases of MongoDB's order, each a place an encoding typically goes wrong.</summary>
public sealed class KeyOrderEdgeCaseTests
{
    private static readonly BsonValue One = 1;

    public static TheoryData<BsonValue> ValuesEqualToOne => new()
    {
        new BsonInt32(1),
        new BsonInt64(1),
        new BsonDouble(1.0),
        new BsonDecimal128(Decimal128.Parse("1")),
        new BsonDecimal128(Decimal128.Parse("1.000")),
        new BsonDecimal128(Decimal128.Parse("0.01E+2")),
    };

    [Theory]
    [MemberData(nameof(ValuesEqualToOne))]
    public void The_same_number_in_any_type_encodes_the_same(BsonValue value) =>
        Assert.Equal(IndexKeyEncoder.Encode(One), IndexKeyEncoder.Encode(value));

    [Fact]
    public void Negative_zero_equals_zero_in_every_type()
    {
        var zero = IndexKeyEncoder.Encode(0);
        Assert.Equal(zero, IndexKeyEncoder.Encode(-0.0));
        Assert.Equal(zero, IndexKeyEncoder.Encode(0L));
        Assert.Equal(zero, IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.Parse("-0"))));
        Assert.Equal(zero, IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.Parse("0E+100"))));
    }

    [Fact]
    public void NaN_of_either_type_is_one_value_below_every_other_number()
    {
        Assert.Equal(IndexKeyEncoder.Encode(double.NaN), IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.QNaN)));
        AssertStrictlyIncreasing(BsonNull.Value, double.NaN, double.NegativeInfinity, long.MinValue);
    }

    [Fact]
    public void Infinities_of_both_types_are_equal_and_bound_the_finite_numbers()
    {
        Assert.Equal(IndexKeyEncoder.Encode(double.PositiveInfinity), IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.PositiveInfinity)));
        Assert.Equal(IndexKeyEncoder.Encode(double.NegativeInfinity), IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.NegativeInfinity)));
        AssertStrictlyIncreasing(
            double.NegativeInfinity,
            new BsonDecimal128(Decimal128.Parse("-9.999999999999999999999999999999999E+6144")),
            double.MinValue,
            -double.Epsilon,
            0,
            new BsonDecimal128(Decimal128.Parse("1E-6176")),
            double.Epsilon,
            new BsonDecimal128(Decimal128.Parse("1E-300")),
            double.MaxValue,
            new BsonDecimal128(Decimal128.Parse("9.999999999999999999999999999999999E+6144")),
            double.PositiveInfinity);
    }

    [Fact]
    public void Longs_beyond_double_precision_compare_exactly_with_doubles()
    {
        const long TwoTo53 = 1L << 53;
        AssertStrictlyIncreasing((double)TwoTo53, TwoTo53 + 1, (double)(TwoTo53 + 2));
        Assert.Equal(IndexKeyEncoder.Encode(TwoTo53), IndexKeyEncoder.Encode((double)TwoTo53));

        // long.MaxValue is 2^63 - 1; the nearest double is 2^63 itself.
        AssertStrictlyIncreasing(long.MaxValue - 1, long.MaxValue, 9223372036854775808.0);
        Assert.Equal(IndexKeyEncoder.Encode(long.MinValue), IndexKeyEncoder.Encode(-9223372036854775808.0));
        AssertStrictlyIncreasing(-9223372036854777856.0, long.MinValue, long.MinValue + 1);
        Assert.Equal(
            IndexKeyEncoder.Encode(TwoTo53 + 1),
            IndexKeyEncoder.Encode(new BsonDecimal128(Decimal128.Parse("9007199254740993"))));
    }

    [Fact]
    public void Decimals_that_are_not_doubles_sort_by_their_exact_value()
    {
        // The double nearest 0.1 is 0.1000000000000000055511151231257827021181583404541015625.
        AssertStrictlyIncreasing(
            new BsonDecimal128(Decimal128.Parse("0.1")),
            new BsonDecimal128(Decimal128.Parse("0.1000000000000000055511151231257827")),
            0.1,
            new BsonDecimal128(Decimal128.Parse("0.1000000000000000055511151231257828")));
        AssertStrictlyIncreasing(
            new BsonDecimal128(Decimal128.Parse("0.9999999999999999999999999999999999")),
            1,
            new BsonDecimal128(Decimal128.Parse("1.000000000000000000000000000000001")));
        AssertStrictlyIncreasing(
            new BsonDecimal128(Decimal128.Parse("-0.1000000000000000055511151231257828")),
            -0.1,
            new BsonDecimal128(Decimal128.Parse("-0.1")));
    }

    [Fact]
    public void A_decimal_a_hair_above_a_double_sorts_above_it()
    {
        // 1111 × 2^262 is a double; the next 34-digit decimal above it agrees with it in the first
        // 128 significant bits, so only the "more bits follow" marker tells them apart.
        var exactDouble = Math.ScaleB(1111, 262);
        AssertStrictlyIncreasing(
            new BsonDecimal128(Decimal128.Parse("8233280713130130759397591318057744E+48")),
            exactDouble,
            new BsonDecimal128(Decimal128.Parse("8233280713130130759397591318057745E+48")));
    }

    [Fact]
    public void Types_sort_in_MongoDB_canonical_order()
    {
        AssertStrictlyIncreasing(
            BsonMinKey.Value,
            BsonNull.Value,
            double.NegativeInfinity,
            1,
            "",
            new BsonDocument(),
            new BsonArray(),
            new BsonBinaryData([]),
            ObjectId.Empty,
            false,
            true,
            new BsonDateTime(long.MinValue),
            new BsonDateTime(0),
            new BsonTimestamp(0),
            new BsonRegularExpression(""),
            new BsonJavaScript(""),
            new BsonJavaScriptWithScope("", []),
            BsonMaxKey.Value);
    }

    [Fact]
    public void Missing_undefined_and_null_are_equal_and_sort_below_the_empty_string()
    {
        var nullKey = IndexKeyEncoder.Encode(BsonNull.Value);
        Assert.Equal(nullKey, IndexKeyEncoder.Encode((BsonValue?)null));
        Assert.Equal(nullKey, IndexKeyEncoder.Encode(BsonUndefined.Value));
        AssertStrictlyIncreasing(BsonNull.Value, "");
    }

    [Fact]
    public void Strings_sort_by_UTF8_bytes_with_prefixes_first_and_zero_bytes_kept()
    {
        AssertStrictlyIncreasing("", "\0", "\0\0", "\u0001", "a", "a\0", "a\0b", "a\u0001", "ab", "b", "\uFFFF", "\U0001F600");
        Assert.Equal(IndexKeyEncoder.Encode("abc"), IndexKeyEncoder.Encode(BsonSymbol.Create("abc")));
        Assert.NotEqual(IndexKeyEncoder.Encode("a"), IndexKeyEncoder.Encode("a\0"));
    }

    [Fact]
    public void Documents_compare_field_by_field_by_type_then_name_then_value()
    {
        AssertStrictlyIncreasing(
            new BsonDocument(),
            new BsonDocument("a", BsonMinKey.Value),
            new BsonDocument("a", 1),
            new BsonDocument { { "a", 1 }, { "b", 1 } },
            new BsonDocument("a", 2),
            new BsonDocument("b", -1), // same type as { a: 2 }: the name decides
            new BsonDocument("a", "x"), // a string outranks any number, whatever the names
            new BsonDocument("a", new BsonDocument("a", 1)),
            new BsonDocument("a", new BsonDocument("a", 1)).Add("b", BsonNull.Value));
        Assert.Equal(
            IndexKeyEncoder.Encode(new BsonDocument("a", new BsonDocument("b", 1))),
            IndexKeyEncoder.Encode(new BsonDocument("a", new BsonDocument("b", 1.0))));
    }

    [Fact]
    public void Arrays_compare_element_by_element_and_any_document_sorts_before_any_array()
    {
        AssertStrictlyIncreasing(
            new BsonDocument("z", BsonMaxKey.Value),
            new BsonArray(),
            new BsonArray { BsonNull.Value },
            new BsonArray { 1 },
            new BsonArray { 1, 2 },
            new BsonArray { 1, "a" },
            new BsonArray { 2 },
            new BsonArray { new BsonArray() });
    }

    [Fact]
    public void Binary_data_sorts_by_length_then_subtype_then_bytes()
    {
        AssertStrictlyIncreasing(
            new BsonBinaryData([0xFF], BsonBinarySubType.UserDefined),
            new BsonBinaryData([0, 0], BsonBinarySubType.Binary),
            new BsonBinaryData([0, 1], BsonBinarySubType.Binary),
            new BsonBinaryData([0, 0], BsonBinarySubType.MD5),
            new BsonBinaryData([0, 0, 0], BsonBinarySubType.Binary));
    }

    [Fact]
    public void Dates_are_signed_and_timestamps_unsigned()
    {
        AssertStrictlyIncreasing(new BsonDateTime(-1), new BsonDateTime(0), new BsonDateTime(1));
        AssertStrictlyIncreasing(new BsonTimestamp(0), new BsonTimestamp(long.MaxValue), new BsonTimestamp(-1));
    }

    [Fact]
    public void Descending_components_reverse_their_order_without_disturbing_the_next()
    {
        byte[] Key(BsonValue first, BsonValue second) => IndexKeyEncoder.Encode(
        [
            new KeyComponent(first, KeyDirection.Ascending),
            new KeyComponent(second, KeyDirection.Descending),
        ]);

        var ordered = new[]
        {
            Key(1, "b"), Key(1, "ab"), Key(1, "a"), Key(1, ""), Key(1, BsonNull.Value), Key(2, BsonMaxKey.Value), Key(2, 5),
        };
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(KeyOrderPropertyTests.Memcmp(ordered[i - 1], ordered[i]) < 0, $"entry {i - 1} should sort before entry {i}");
        }

        // A descending string followed by more components: "a" must still sort after "ab".
        var descendingThenAscending = new[]
        {
            IndexKeyEncoder.Encode([new KeyComponent("ab", KeyDirection.Descending), new KeyComponent(1)]),
            IndexKeyEncoder.Encode([new KeyComponent("a", KeyDirection.Descending), new KeyComponent(0)]),
        };
        Assert.True(KeyOrderPropertyTests.Memcmp(descendingThenAscending[0], descendingThenAscending[1]) < 0);
    }

    private static void AssertStrictlyIncreasing(params BsonValue[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var (before, after) = (IndexKeyEncoder.Encode(values[i - 1]), IndexKeyEncoder.Encode(values[i]));
            Assert.True(
                KeyOrderPropertyTests.Memcmp(before, after) < 0,
                $"{values[i - 1].ToJson()} should sort before {values[i].ToJson()}");
            Assert.True(
                MongoOrderReference.Instance.Compare(values[i - 1], values[i]) < 0,
                $"the reference order disagrees: {values[i - 1].ToJson()} before {values[i].ToJson()}");
        }
    }
}
