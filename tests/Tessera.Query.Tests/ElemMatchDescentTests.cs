using Tessera.Query.Filters;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>
/// $elemMatch takes one array step: inside it an element is a value and is not entered again. Expected ids
/// are mongod 8.2's answers as recorded by the SecantusDB project (tests/test_elemmatch_array_descent.py).
/// </summary>
public class ElemMatchDescentTests
{
    private const string Documents = """
        [{_id: 1, x: 5}, {_id: 2, x: [5]}, {_id: 3, x: [[5]]}, {_id: 4, x: [1, 2, 3]}, {_id: 5, x: [1, [2, [3]]]},
         {_id: 6, x: []}, {_id: 7, x: [[]]}, {_id: 8, x: [{y: 5}]}, {_id: 9, x: [{y: 5}, {y: 6}]}, {_id: 10, x: {y: 5}},
         {_id: 11, x: {y: [5]}}, {_id: 12, x: [{y: [5]}]}, {_id: 13, x: [[{y: 5}]]}, {_id: 14, x: {'0': 5}},
         {_id: 15, x: [5, 6]}, {_id: 16, x: [[5, 6]]}]
        """;

    private static string Ids(string filter)
    {
        var parsed = Filter.Parse(Bson.Doc(filter));
        return string.Join(",", Bson.Array(Documents).Select(v => v.AsBsonDocument).Where(parsed.Matches).Select(d => d["_id"].ToString()));
    }

    [Theory]
    [InlineData("{x: {$elemMatch: {$gt: 1}}}", "2,4,15")]
    [InlineData("{x: {$elemMatch: {$eq: 5}}}", "2,15")]
    [InlineData("{x: {$elemMatch: {$lt: 3}}}", "4,5")]
    [InlineData("{x: {$elemMatch: {$in: [5]}}}", "2,15")]
    [InlineData("{x: {$elemMatch: {$type: 'array'}}}", "3,5,7,13,16")]
    [InlineData("{x: {$elemMatch: {$type: 'object'}}}", "8,9,12")]
    [InlineData("{x: {$elemMatch: {$type: 'number'}}}", "2,4,5,15")]
    [InlineData("{x: {$elemMatch: {$not: {$gt: 1}}}}", "3,4,5,7,8,9,12,13,16")]
    [InlineData("{x: {$elemMatch: {$not: {$eq: 5}}}}", "3,4,5,7,8,9,12,13,15,16")]
    [InlineData("{x: {$elemMatch: {$not: {$type: 'array'}}}}", "2,4,5,8,9,12,15")]
    [InlineData("{x: {$elemMatch: {$all: [5]}}}", "2,15")]
    [InlineData("{x: {$elemMatch: {$size: 1}}}", "3,13")]
    [InlineData("{x: {$elemMatch: {$size: 2}}}", "5,16")]
    [InlineData("{x: {$elemMatch: {$elemMatch: {$gt: 1}}}}", "3,5,16")]
    [InlineData("{x: {$elemMatch: {}}}", "3,5,7,8,9,12,13,16")]
    [InlineData("{x: {$elemMatch: {y: 5}}}", "8,9,12")]
    [InlineData("{x: {$elemMatch: {y: {$gt: 4}}}}", "8,9,12")]
    [InlineData("{x: {$elemMatch: {y: 99}}}", "")]
    [InlineData("{x: 5}", "1,2,15")]
    [InlineData("{x: [5]}", "2,3")]
    [InlineData("{x: [[5]]}", "3")]
    [InlineData("{x: {$gt: 4}}", "1,2,15")]
    [InlineData("{x: {$type: 'array'}}", "2,3,4,5,6,7,8,9,12,13,15,16")]
    [InlineData("{x: {$size: 1}}", "2,3,7,8,12,13,16")]
    [InlineData("{'x.y': 5}", "8,9,10,11,12")]
    public void Matches_as_mongod(string filter, string expectedIds) => Assert.Equal(expectedIds, Ids(filter));
}
