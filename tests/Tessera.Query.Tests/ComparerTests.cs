using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class ComparerTests
{
    private static int Compare(string left, string right) => BsonValueComparer.Instance.Compare(Bson.Value(left), Bson.Value(right));

    [Theory]
    [InlineData("MinKey", "null")]
    [InlineData("undefined", "null")]
    [InlineData("null", "NaN")]
    [InlineData("NaN", "-Infinity")]
    [InlineData("-Infinity", "-1e308")]
    [InlineData("Infinity", "''")]
    [InlineData("'zzz'", "{}")]
    [InlineData("{}", "[]")]
    [InlineData("[]", "BinData(0, '')")]
    [InlineData("BinData(0, 'AAAA')", "ObjectId('000000000000000000000000')")]
    [InlineData("ObjectId('ffffffffffffffffffffffff')", "false")]
    [InlineData("true", "new Date(-1)")]
    [InlineData("new Date(0)", "Timestamp(0, 0)")]
    [InlineData("Timestamp(4294967295, 1)", "/a/")]
    [InlineData("/z/", "MaxKey")]
    public void Type_brackets_follow_mongodb_order(string smaller, string larger)
    {
        Assert.Equal(-1, Compare(smaller, larger));
        Assert.Equal(1, Compare(larger, smaller));
    }

    [Theory]
    [InlineData("1", "NumberLong(1)")]
    [InlineData("1", "1.0")]
    [InlineData("1", "NumberDecimal('1')")]
    [InlineData("NumberDecimal('1.000')", "1.0")]
    [InlineData("NumberLong('9007199254740993')", "NumberDecimal('9007199254740993')")]
    [InlineData("NaN", "NumberDecimal('NaN')")]
    [InlineData("-0.0", "0")]
    [InlineData("Infinity", "NumberDecimal('Infinity')")]
    [InlineData("0.5", "NumberDecimal('0.5')")]
    public void Equal_numbers_of_different_types_compare_equal_and_hash_alike(string left, string right)
    {
        Assert.Equal(0, Compare(left, right));
        Assert.Equal(BsonValueComparer.Instance.GetHashCode(Bson.Value(left)), BsonValueComparer.Instance.GetHashCode(Bson.Value(right)));
    }

    [Theory]
    // 2^53 + 1 is not a double: the long is bigger than the double 2^53.
    [InlineData("9007199254740992.0", "NumberLong('9007199254740993')")]
    [InlineData("NumberLong('9223372036854775807')", "9223372036854775808.0")]
    [InlineData("-9223372036854777856.0", "NumberLong('-9223372036854775808')")]
    // The double 0.1 is 0.1000000000000000055…: more than the decimal 0.1.
    [InlineData("NumberDecimal('0.1')", "0.1")]
    [InlineData("0.30000000000000004", "NumberDecimal('0.3000000000000001')")]
    [InlineData("NumberDecimal('-1E+400')", "-1e308")]
    [InlineData("1e308", "NumberDecimal('1E+400')")]
    [InlineData("2", "NumberDecimal('2.0000000000000000000000000000001')")]
    [InlineData("-2.5", "-2")]
    [InlineData("NumberInt(-3)", "NumberLong(-2)")]
    public void Numbers_compare_exactly_across_types(string smaller, string larger)
    {
        Assert.Equal(-1, Compare(smaller, larger));
        Assert.Equal(1, Compare(larger, smaller));
    }

    [Theory]
    [InlineData("'a'", "'b'")]
    [InlineData("'a'", "'aa'")]
    [InlineData("'B'", "'a'")]
    // UTF-8 byte order: U+FFFD (EF BF BD) sorts before U+1F600 (F0 9F 98 80), unlike UTF-16 order.
    [InlineData("'\uFFFD'", "'\U0001F600'")]
    [InlineData("{a: 1}", "{a: 2}")]
    [InlineData("{a: 1}", "{b: 0}")]
    [InlineData("{a: 1}", "{a: 1, b: 1}")]
    // Type before field name: a number in "b" is less than a string in "a".
    [InlineData("{b: 1}", "{a: 'x'}")]
    [InlineData("[1, 2]", "[1, 3]")]
    [InlineData("[1]", "[1, 0]")]
    [InlineData("[1, 'a']", "[2]")]
    [InlineData("BinData(0, 'AAAA')", "BinData(0, 'AAAAAA==')")]
    [InlineData("BinData(0, 'AQ==')", "BinData(1, 'AA==')")]
    [InlineData("false", "true")]
    [InlineData("new Date(-5)", "new Date(3)")]
    [InlineData("Timestamp(1, 5)", "Timestamp(2, 0)")]
    [InlineData("/a/i", "/b/")]
    [InlineData("/a/", "/a/i")]
    public void Values_of_one_type_compare_by_value(string smaller, string larger)
    {
        Assert.Equal(-1, Compare(smaller, larger));
        Assert.Equal(1, Compare(larger, smaller));
    }

    [Fact]
    public void Documents_equal_up_to_numeric_type_are_one_key()
    {
        var set = new HashSet<BsonValue>(BsonValueComparer.Instance)
        {
            Bson.Value("{a: 1, b: [1, 'x']}"),
            Bson.Value("{a: 1.0, b: [NumberLong(1), 'x']}"),
            Bson.Value("{b: 1, a: 1}"),
        };
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Sorting_mixed_values_gives_mongodb_order()
    {
        var values = Bson.Array("[MaxKey, 'b', 2, null, {}, [], true, 1.5, MinKey, 'a', NumberLong(1)]").ToList();
        values.Sort(BsonValueComparer.Instance);
        Assert.Equal("[MinKey, null, NumberLong(1), 1.5, 2, \"a\", \"b\", {}, [], true, MaxKey]",
            new BsonArray(values).ToJson(new MongoDB.Bson.IO.JsonWriterSettings { OutputMode = MongoDB.Bson.IO.JsonOutputMode.Shell }).Replace("{ }", "{}"));
    }
}
