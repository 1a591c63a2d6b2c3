using Tessera.Query.Sorting;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>The cases of mongod's jstests/core/query/sort/sort_dotted_paths.js.</summary>
public class SortDottedPathTests
{
    private const string Mixed = "[{_id: 1, a: 1}, {_id: 2, a: undefined}, {_id: 3, a: null}, {_id: 4, a: {}}, {_id: 5, a: []}, {_id: 6, a: [1]}, {_id: 7, a: [[1]]}, {_id: 8}, {_id: 9, a: [undefined]}]";

    private const string ArraysInEither = "[{_id: 1, a: 1, b: [2]}, {_id: 2, a: 2, b: []}, {_id: 3, a: [], b: 4}, {_id: 4, a: [1], b: 4}, {_id: 5, a: [2, 3], b: 2}, {_id: 6, a: 2, b: [3, 5]}, {_id: 7, a: 1, b: [1, 3]}, {_id: 8, a: [1, 2], b: 3}, {_id: 9, a: 2, b: 3}]";

    private const string PathOfTwo = "[{_id: 1, a: {b: 2}}, {_id: 2, a: {b: []}}, {_id: 3, a: {b: [2, 3]}}, {_id: 4, a: {c: 1}}, {_id: 5, a: []}, {_id: 6, a: [{b: [5]}]}, {_id: 7, a: [{b: [4, 5]}, {b: 7}]}, {_id: 8, a: [{b: [1, 3]}, {b: [2, 5]}]}, {_id: 9, a: [{b: []}, {b: [1, 3]}]}]";

    private const string CommonPrefix = "[{_id: 1, a: [{b: 4, c: 1}, {b: 1, c: 2}]}, {_id: 2, a: [{b: 2, c: 1}, {b: 4, c: 2}]}, {_id: 3, a: [{b: 6, c: 1}, {b: 9, c: 2}]}, {_id: 4, a: [{b: 4, c: 1}, {b: 5, c: 3}]}, {_id: 5, a: [{b: 2, c: 1}, {b: 7, c: 3}]}, {_id: 6, a: [{b: 5, c: 1}, {b: 3, c: 3}]}, {_id: 7, a: [{b: 7, c: 2}, {b: 2, c: 3}]}, {_id: 8, a: [{b: 3, c: 2}, {b: 8, c: 3}]}, {_id: 9, a: [{b: 8, c: 2}, {b: 6, c: 3}]}]";

    private const string CommonPrefixWithArrays = "[{_id: 1, a: [{b: [4, 1], c: 1}, {b: [1, 5], c: 2}]}, {_id: 2, a: [{b: 2, c: [1, 3]}, {b: 4, c: [2, 4]}]}, {_id: 3, a: [{b: [6, 4], c: 1}, {b: [9, 7], c: 2}]}, {_id: 4, a: [{b: 4, c: [1, 2]}, {b: 5, c: [3, 2]}]}, {_id: 5, a: [{b: [2, 3], c: 1}, {b: [7, 6], c: 3}]}, {_id: 6, a: [{b: 5, c: []}, {b: 3, c: 3}]}, {_id: 7, a: [{b: [], c: 2}, {b: 2, c: 3}]}, {_id: 8, a: [{b: 3, c: [2]}, {b: 8, c: [3]}]}, {_id: 9, a: [{b: [8], c: 2}, {b: [6], c: 3}]}]";

    private const string NoCommonPrefix = "[{_id: 1, a: {b: 1}, c: [{d: [4, 1]}, {d: [1, 5]}]}, {_id: 2, a: [{b: [1, 3]}, {b: [2, 4]}], c: {d: 2}}, {_id: 3, a: {b: 1}, c: [{d: [6, 4]}, {d: [9, 7]}]}, {_id: 4, a: [{b: [2]}, {b: [3, 2]}], c: {d: 4}}, {_id: 5, a: {b: 1}, c: [{d: [2, 3]}, {d: [7, 6]}]}, {_id: 6, a: [{b: []}, {b: 3}], c: {d: 4}}, {_id: 7, a: {b: 2}, c: [{d: []}, {d: 2}]}, {_id: 8, a: [{b: [2]}, {b: [3]}], c: {d: 3}}, {_id: 9, a: {b: 3}, c: [{d: [8]}, {d: [6]}]}]";

    private const string PathOfThree = "[{_id: 1, a: {b: {c: 2}}}, {_id: 2, a: {b: {c: []}}}, {_id: 3, a: [{b: []}, {b: {c: []}}]}, {_id: 4, a: [{b: {c: 1}}]}, {_id: 5, a: {b: [{c: 3}, {d: 1}]}}, {_id: 6, a: {b: [{c: [5]}]}}, {_id: 7, a: []}, {_id: 8, a: {b: [{c: [1, 3]}, {c: [2, 5]}]}}, {_id: 9, a: [{b: [{c: []}, {c: [1, 3]}]}]}]";

    public static TheoryData<string, string, string> Cases() => new()
    {
        { Mixed, "{a: 1, _id: 1}", "2,5,9,3,8,1,6,4,7" },
        { Mixed, "{a: -1, _id: 1}", "7,4,1,6,3,8,2,5,9" },
        { Mixed, "{'a.0': 1, _id: 1}", "9,1,2,3,4,5,8,6,7" },
        { Mixed, "{'a.0': -1, _id: 1}", "7,6,1,2,3,4,5,8,9" },
        { ArraysInEither, "{a: 1, b: 1, _id: 1}", "3,7,1,8,4,2,5,6,9" },
        { ArraysInEither, "{a: 1, b: -1, _id: 1}", "3,4,7,8,1,6,9,5,2" },
        { ArraysInEither, "{a: -1, b: 1, _id: 1}", "5,2,6,8,9,7,1,4,3" },
        { ArraysInEither, "{a: -1, b: -1, _id: 1}", "5,6,8,9,2,4,7,1,3" },
        { PathOfTwo, "{'a.b': 1, _id: 1}", "2,9,4,5,8,1,3,7,6" },
        { PathOfTwo, "{'a.b': 1, _id: -1}", "9,2,5,4,8,3,1,7,6" },
        { PathOfTwo, "{'a.b': -1, _id: 1}", "7,6,8,3,9,1,4,5,2" },
        { PathOfTwo, "{'a.b': -1, _id: -1}", "7,8,6,9,3,1,5,4,2" },
        { CommonPrefix, "{'a.c': 1, 'a.b': 1, _id: 1}", "2,5,1,4,6,3,8,7,9" },
        { CommonPrefix, "{'a.c': 1, 'a.b': -1, _id: 1}", "3,6,1,4,2,5,9,7,8" },
        { CommonPrefix, "{'a.c': -1, 'a.b': 1, _id: 1}", "7,6,4,9,5,8,1,2,3" },
        { CommonPrefix, "{'a.c': -1, 'a.b': -1, _id: 1}", "8,5,9,4,6,7,3,2,1" },
        { CommonPrefix, "{'a.c': 1, a: 1, _id: 1}", "2,5,1,4,6,3,8,7,9" },
        { CommonPrefix, "{'a.c': 1, a: -1, _id: 1}", "3,6,1,4,2,5,9,7,8" },
        { CommonPrefix, "{'a.c': -1, a: 1, _id: 1}", "7,6,4,9,5,8,1,2,3" },
        { CommonPrefix, "{'a.c': -1, a: -1, _id: 1}", "8,5,9,4,6,7,3,2,1" },
        { CommonPrefixWithArrays, "{'a.c': 1, 'a.b': 1, _id: 1}", "6,1,2,5,3,4,7,8,9" },
        { CommonPrefixWithArrays, "{'a.c': 1, 'a.b': -1, _id: 1}", "6,3,1,4,5,2,9,8,7" },
        { CommonPrefixWithArrays, "{'a.c': -1, 'a.b': 1, _id: 1}", "2,7,6,4,5,9,8,1,3" },
        { CommonPrefixWithArrays, "{'a.c': -1, 'a.b': -1, _id: 1}", "2,8,5,9,4,6,7,3,1" },
        { CommonPrefixWithArrays, "{'a.b': 1, a: 1, _id: 1}", "7,1,2,5,6,8,4,3,9" },
        { CommonPrefixWithArrays, "{'a.b': 1, a: -1, _id: 1}", "7,1,5,2,8,6,3,4,9" },
        { CommonPrefixWithArrays, "{'a.b': -1, a: 1, _id: 1}", "3,8,9,5,6,4,1,2,7" },
        { CommonPrefixWithArrays, "{'a.b': -1, a: -1, _id: 1}", "3,9,8,5,1,4,6,2,7" },
        { CommonPrefixWithArrays, "{'a.0.b': 1, _id: 1}", "7,1,2,5,8,3,4,6,9" },
        { CommonPrefixWithArrays, "{'a.0.b': 1, _id: -1}", "7,1,5,2,8,4,3,6,9" },
        { CommonPrefixWithArrays, "{'a.0.b': -1, _id: 1}", "9,3,6,1,4,5,8,2,7" },
        { CommonPrefixWithArrays, "{'a.0.b': -1, _id: -1}", "9,3,6,4,1,8,5,2,7" },
        { NoCommonPrefix, "{'a.b': 1, 'c.d': 1, _id: 1}", "6,1,2,5,3,7,8,4,9" },
        { NoCommonPrefix, "{'a.b': 1, 'c.d': -1, _id: 1}", "6,3,5,1,2,4,8,7,9" },
        { NoCommonPrefix, "{'a.b': -1, 'c.d': 1, _id: 1}", "2,8,4,6,9,7,1,5,3" },
        { NoCommonPrefix, "{'a.b': -1, 'c.d': -1, _id: 1}", "2,9,4,6,8,7,3,5,1" },
        { PathOfThree, "{'a.b.c': 1, _id: 1}", "2,3,9,5,7,4,8,1,6" },
        { PathOfThree, "{'a.b.c': 1, _id: -1}", "9,3,2,7,5,8,4,1,6" },
        { PathOfThree, "{'a.b.c': -1, _id: 1}", "6,8,5,9,1,4,3,7,2" },
        { PathOfThree, "{'a.b.c': -1, _id: -1}", "8,6,9,5,1,4,7,3,2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sorts_as_mongod(string documents, string sort, string expectedIds)
    {
        var sorted = SortSpec.Parse(Bson.Doc(sort)).Sort(Bson.Array(documents).Select(v => v.AsBsonDocument));
        Assert.Equal(expectedIds, string.Join(",", sorted.Select(d => d["_id"].ToString())));
    }

    [Theory]
    [InlineData("[{_id: 1, a: [], b: 1}, {_id: 2, a: 1, b: []}, {_id: 3, a: [], b: []}]", "{a: 1, b: 1}")]
    [InlineData("[{_id: 1, a: [], b: 1}, {_id: 2, a: 1, b: []}, {_id: 3, a: [], b: []}]", "{_id: 1, a: 1, b: 1}")]
    [InlineData("[{_id: 1, a: {b: [1, 2], c: [3, 4]}}]", "{'a.b': 1, 'a.c': 1}")]
    [InlineData("[{_id: 1, a: {b: [1, 2]}, c: {d: [3, 4]}}]", "{'a.b': 1, 'c.d': 1}")]
    public void Parallel_arrays_are_refused(string documents, string sort)
    {
        var error = Assert.Throws<QueryException>(() => SortSpec.Parse(Bson.Doc(sort)).Sort(Bson.Array(documents).Select(v => v.AsBsonDocument)).ToList());
        Assert.Equal(2, error.Code);
        Assert.Equal("cannot sort with keys that are parallel arrays", error.Message);
    }
}
