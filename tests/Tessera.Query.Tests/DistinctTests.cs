using Tessera.Query.Filters;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class DistinctTests
{
    [Theory]
    [InlineData("a", "[{a: 2}, {a: 1}, {a: 2.0}, {}, {a: null}]", "[null, 1, 2]")]
    [InlineData("a", "[{a: [1, 2]}, {a: [2, [3]]}, {a: 'x'}]", "[1, 2, 'x', [3]]")]
    [InlineData("a.b", "[{a: [{b: 1}, {b: [2, 3]}, {c: 1}]}, {a: {b: 1}}]", "[1, 2, 3]")]
    [InlineData("a.1", "[{a: [5, 6]}, {a: [7]}]", "[6]")]
    public void Distinct_values_follow_mongod(string key, string documents, string expected) =>
        Assert.Equal(Aggregate.Normalize(expected), Json.Of(DistinctValues.Collect(Bson.Array(documents).Select(v => v.AsBsonDocument), key)));
}
