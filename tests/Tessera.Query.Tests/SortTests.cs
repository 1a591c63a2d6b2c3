using Tessera.Query.Sorting;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class SortTests
{
    /// <summary>Sorts documents that carry an _id and returns the _ids in order.</summary>
    private static string SortedIds(string sort, params string[] documents) =>
        string.Join(",", SortSpec.Parse(Bson.Doc(sort)).Sort(documents.Select(Bson.Doc)).Select(d => d["_id"].ToString()));

    [Theory]
    [InlineData("{a: 1}", "1,2,3")]
    [InlineData("{a: -1}", "3,2,1")]
    public void Numbers_of_mixed_types_sort_by_value(string sort, string expected) =>
        Assert.Equal(expected, SortedIds(sort, "{_id: 3, a: NumberDecimal('2.5')}", "{_id: 1, a: NumberLong(1)}", "{_id: 2, a: 2.0}"));

    [Fact]
    public void Types_sort_in_bracket_order_with_missing_as_null()
    {
        var ids = SortedIds("{a: 1}",
            "{_id: 5, a: 'x'}", "{_id: 7, a: true}", "{_id: 2}", "{_id: 4, a: 1}", "{_id: 1, a: MinKey}", "{_id: 6, a: {}}", "{_id: 3, a: null}");
        // Missing (2) and null (3) are equal: they keep input order.
        Assert.Equal("1,2,3,4,5,6,7", ids);
    }

    [Theory]
    [InlineData("{a: 1}", "2,1,3")]
    [InlineData("{a: -1}", "1,3,2")]
    public void Arrays_sort_by_smallest_element_ascending_and_largest_descending(string sort, string expected) =>
        Assert.Equal(expected, SortedIds(sort, "{_id: 1, a: [1, 10]}", "{_id: 2, a: [0, 3]}", "{_id: 3, a: 5}"));

    [Fact]
    public void Empty_array_sorts_before_null()
    {
        Assert.Equal("2,1,3", SortedIds("{a: 1}", "{_id: 1, a: null}", "{_id: 2, a: []}", "{_id: 3, a: 0}"));
    }

    [Theory]
    [InlineData("{'a.b': 1}", "2,1,3")]
    [InlineData("{'a.b': -1}", "3,2,1")]
    public void Dotted_paths_collect_values_through_arrays(string sort, string expected) =>
        Assert.Equal(expected, SortedIds(sort, "{_id: 1, a: {b: 2}}", "{_id: 2, a: [{b: 5}, {c: 1}]}", "{_id: 3, a: [{b: 3}, {b: 9}]}"));

    [Fact]
    public void Several_keys_break_ties_in_order_and_the_sort_is_stable()
    {
        var ids = SortedIds("{a: 1, b: -1}", "{_id: 1, a: 1, b: 1}", "{_id: 2, a: 1, b: 2}", "{_id: 3, a: 0, b: 0}", "{_id: 4, a: 1, b: 2}");
        Assert.Equal("3,2,4,1", ids);
    }

    [Fact]
    public void Comparer_orders_two_documents()
    {
        var sort = SortSpec.Parse(Bson.Doc("{a: -1}"));
        Assert.True(sort.Compare(Bson.Doc("{a: 2}"), Bson.Doc("{a: 1}")) < 0);
        Assert.Equal(0, sort.Compare(Bson.Doc("{a: 1}"), Bson.Doc("{a: 1.0}")));
    }

    [Theory]
    [InlineData("{a: 2}")]
    [InlineData("{a: 'asc'}")]
    [InlineData("{a: 0}")]
    public void Bad_directions_are_refused(string sort)
    {
        var error = Assert.Throws<QueryException>(() => SortSpec.Parse(Bson.Doc(sort)));
        Assert.Equal(15975, error.Code);
        Assert.Equal("$sort key ordering must be 1 (for ascending) or -1 (for descending)", error.Message);
    }

    [Fact]
    public void Direction_may_be_any_numeric_type()
    {
        Assert.Equal([("a", true), ("b", false)], SortSpec.Parse(Bson.Doc("{a: 1.0, b: NumberLong(-1)}")).Keys.ToArray());
    }
}
