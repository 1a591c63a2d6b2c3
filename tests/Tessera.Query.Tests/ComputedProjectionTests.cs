using Tessera.Query.Projections;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>
/// Computed fields in find projections; expectations are mongod 8.2's answers as recorded by the
/// SecantusDB project (tests/test_computed_projection.py).
/// </summary>
public class ComputedProjectionTests
{
    private static string Project(string projection, string document) =>
        Json.Of(Projection.ParseFind(Bson.Doc(projection)).Apply(Bson.Doc(document)));

    [Theory]
    [InlineData("{n: {$add: ['$a', 1]}}", "{_id: 2, b: 9}", "{_id: 2, n: null}")]
    [InlineData("{n: '$a'}", "{_id: 2, b: 9}", "{_id: 2}")]
    [InlineData("{n: 'plain'}", "{_id: 2, b: 9}", "{_id: 2, n: 'plain'}")]
    [InlineData("{n: 2}", "{_id: 2, b: 9}", "{_id: 2}")]
    [InlineData("{n: true}", "{_id: 2, b: 9}", "{_id: 2}")]
    [InlineData("{n: {$literal: 0}}", "{_id: 2, b: 9}", "{_id: 2, n: 0}")]
    [InlineData("{n: {$literal: false}}", "{_id: 2, b: 9}", "{_id: 2, n: false}")]
    [InlineData("{o: {p: 1}}", "{_id: 2, b: 9}", "{_id: 2}")]
    [InlineData("{o: {p: {$add: ['$a', 1]}}}", "{_id: 1, a: 2}", "{_id: 1, o: {p: 3}}")]
    [InlineData("{'o.p': {$add: ['$a', 1]}}", "{_id: 2, b: 9}", "{_id: 2, o: {p: null}}")]
    [InlineData("{_id: {$add: ['$a', 1]}}", "{_id: 1, a: 2}", "{_id: 3}")]
    [InlineData("{_id: '$b', a: 1}", "{_id: 1, a: 5, b: 2}", "{a: 5, _id: 2}")]
    [InlineData("{n: '$b', a: 1}", "{_id: 1, a: 5, b: 2}", "{_id: 1, a: 5, n: 2}")]
    [InlineData("{o: {p: 1, z: '$b'}}", "{_id: 1, a: 5, b: 2, o: {p: 9, r: 4}}", "{_id: 1, o: {p: 9, z: 2}}")]
    [InlineData("{o: {q: '$b', r: 7}}", "{_id: 1, b: 2, o: {p: 9, r: 4}}", "{_id: 1, o: {r: 4, q: 2}}")]
    [InlineData("{o: {q: '$b', r: 7}}", "{_id: 2, b: 3}", "{_id: 2, o: {q: 3}}")]
    [InlineData("{n: null}", "{_id: 1, a: 5}", "{_id: 1, n: null}")]
    [InlineData("{a: []}", "{_id: 1, a: 5}", "{_id: 1, a: []}")]
    [InlineData("{a: NumberDecimal('1.5')}", "{_id: 1, a: 5, b: 2}", "{_id: 1, a: 5}")]
    [InlineData("{n: NumberDecimal('0')}", "{_id: 1, a: 5, b: 2}", "{_id: 1, a: 5, b: 2}")]
    [InlineData("{_id: 0, a: 1, n: '$b'}", "{_id: 1, a: 5, b: 2}", "{a: 5, n: 2}")]
    public void Computed_projection_as_mongod(string projection, string document, string expected) =>
        Assert.Equal(Json.Normalize(expected), Project(projection, document));

    [Theory]
    [InlineData("{a: 0, n: 'plain'}", 31310, "Cannot use an expression n: \"plain\" in an exclusion projection")]
    [InlineData("{a: 0, n: null}", 31310, "Cannot use an expression n: null in an exclusion projection")]
    [InlineData("{a: 0, n: [1, 2]}", 31310, "Cannot use an expression n: [ 1, 2 ] in an exclusion projection")]
    [InlineData("{a: 0, n: []}", 31310, "Cannot use an expression n: [] in an exclusion projection")]
    [InlineData("{a: 0, n: {$literal: 1}}", 31252, "Cannot use expression other than $meta in exclusion projection")]
    [InlineData("{a: 0, n: NumberDecimal('1.5')}", 31253, "Cannot do inclusion on field n in exclusion projection")]
    [InlineData("{a: 0, o: {p: {q: '$b'}}}", 31310, "Cannot use an expression q: \"$b\" in an exclusion projection")]
    [InlineData("{a: 0, o: {p: 1, z: '$b'}}", 31253, "Cannot do inclusion on field p in exclusion projection")]
    [InlineData("{a: 0, n: 'plain', m: {$literal: 1}}", 31310, null)]
    [InlineData("{a: 0, m: {$literal: 1}, n: 'plain'}", 31252, null)]
    [InlineData("{n: {}}", 51270, "Invalid empty sub-projection: n")]
    [InlineData("{n: {q: {}}}", 51270, "Invalid empty sub-projection: q")]
    public void Refused_as_mongod(string projection, int code, string? message)
    {
        var error = Assert.Throws<QueryException>(() => Projection.ParseFind(Bson.Doc(projection)));
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }
}
