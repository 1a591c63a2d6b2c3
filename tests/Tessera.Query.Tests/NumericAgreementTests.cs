using MongoDB.Bson;
using Tessera.Query.Aggregation;
using Tessera.Query.Comparison;
using Tessera.Query.Filters;
using Tessera.Query.Sorting;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>Matching, sorting and grouping must agree with the comparator on numbers of every type.</summary>
public class NumericAgreementTests
{
    private static readonly BsonValue[] Numbers = Bson.Array(
        "[NumberInt(1), NumberLong(1), 1.0, NumberDecimal('1'), NumberDecimal('1.00'), 0.1, NumberDecimal('0.1'), -0.0, NumberInt(0), " +
        "NumberLong('9007199254740993'), 9007199254740992.0, NumberDecimal('9007199254740993'), 2.5, NumberDecimal('2.5'), NumberInt(-3), " +
        "-Infinity, Infinity, NumberDecimal('-Infinity'), NumberDecimal('1E+400'), 1e308, NumberLong('-9223372036854775808')]").ToArray();

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Numbers.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Filters_agree_with_the_comparator(int index)
    {
        var bound = Numbers[index];
        foreach (var value in Numbers)
        {
            var document = new BsonDocument("a", value);
            var order = BsonValueComparer.Instance.Compare(value, bound);
            Assert.Equal(order == 0, Filter.Parse(new BsonDocument("a", bound)).Matches(document));
            Assert.Equal(order < 0, Filter.Parse(new BsonDocument("a", new BsonDocument("$lt", bound))).Matches(document));
            Assert.Equal(order >= 0, Filter.Parse(new BsonDocument("a", new BsonDocument("$gte", bound))).Matches(document));
            Assert.Equal(order == 0, Filter.Parse(new BsonDocument("a", new BsonDocument("$in", new BsonArray { "x", bound }))).Matches(document));
        }
    }

    [Fact]
    public void Sort_and_group_agree_with_the_comparator()
    {
        var documents = Numbers.Select((value, i) => new BsonDocument { { "_id", i }, { "a", value } }).ToList();
        var sorted = SortSpec.Parse(Bson.Doc("{a: 1}")).Sort(documents).Select(d => d["a"]).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            Assert.True(BsonValueComparer.Instance.Compare(sorted[i - 1], sorted[i]) <= 0);
        }

        var groups = Pipeline.Parse(Bson.Array("[{$group: {_id: '$a', n: {$sum: 1}}}]")).Run(documents).ToList();
        var distinct = Numbers.Distinct(BsonValueComparer.Instance).Count();
        Assert.Equal(distinct, groups.Count);
        Assert.Equal(Numbers.Length, groups.Sum(g => g["n"].AsInt32));
    }
}
