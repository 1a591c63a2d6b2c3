using Tessera.Query.Filters;
using Tessera.Query.Projections;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class ProjectionTests
{
    private static void AssertProjects(string projection, string document, string expected, string? query = null)
    {
        var parsed = Projection.ParseFind(Bson.Doc(projection), query is null ? null : Bson.Doc(query));
        var input = Bson.Doc(document);
        MatchDetails? details = null;
        if (query is not null)
        {
            details = new MatchDetails();
            Assert.True(Filter.Parse(Bson.Doc(query)).Matches(input, details));
        }

        Assert.Equal(Json.Normalize(expected), Json.Of(parsed.Apply(input, details)));
    }

    [Theory]
    [InlineData("{a: 1}", "{_id: 1, a: 2, b: 3}", "{_id: 1, a: 2}")]
    [InlineData("{a: 1, _id: 0}", "{_id: 1, a: 2, b: 3}", "{a: 2}")]
    [InlineData("{b: 1, a: 1}", "{_id: 1, a: 2, b: 3}", "{_id: 1, a: 2, b: 3}")]
    [InlineData("{a: true}", "{_id: 1, a: 2, b: 3}", "{_id: 1, a: 2}")]
    [InlineData("{z: 1}", "{_id: 1, a: 2}", "{_id: 1}")]
    [InlineData("{_id: 1}", "{_id: 1, a: 2}", "{_id: 1}")]
    [InlineData("{'a.b': 1}", "{_id: 1, a: {b: 1, c: 2}, d: 3}", "{_id: 1, a: {b: 1}}")]
    [InlineData("{a: {b: 1}}", "{_id: 1, a: {b: 1, c: 2}, d: 3}", "{_id: 1, a: {b: 1}}")]
    [InlineData("{'a.b': 1}", "{_id: 1, a: {c: 2}}", "{_id: 1, a: {}}")]
    [InlineData("{'a.b': 1}", "{_id: 1, a: 5}", "{_id: 1}")]
    [InlineData("{'a.b': 1}", "{_id: 1, a: [1, {b: 2, c: 3}, [{b: 4}], {c: 5}]}", "{_id: 1, a: [{b: 2}, [{b: 4}], {}]}")]
    public void Inclusion(string projection, string document, string expected) => AssertProjects(projection, document, expected);

    [Theory]
    [InlineData("{a: 0}", "{_id: 1, a: 2, b: 3}", "{_id: 1, b: 3}")]
    [InlineData("{_id: 0}", "{_id: 1, a: 2}", "{a: 2}")]
    [InlineData("{a: 0, _id: 0}", "{_id: 1, a: 2, b: 3}", "{b: 3}")]
    [InlineData("{a: false, _id: 1}", "{_id: 1, a: 2, b: 3}", "{_id: 1, b: 3}")]
    [InlineData("{'a.b': 0}", "{_id: 1, a: {b: 1, c: 2}}", "{_id: 1, a: {c: 2}}")]
    [InlineData("{'a.b': 0}", "{_id: 1, a: [1, {b: 2, c: 3}]}", "{_id: 1, a: [1, {c: 3}]}")]
    [InlineData("{z: 0}", "{_id: 1, a: 2}", "{_id: 1, a: 2}")]
    public void Exclusion(string projection, string document, string expected) => AssertProjects(projection, document, expected);

    [Theory]
    [InlineData("{c: '$a'}", "{_id: 1, a: 2, b: 3}", "{_id: 1, c: 2}")]
    [InlineData("{c: {$add: ['$a', '$b']}, a: 1}", "{_id: 1, a: 2, b: 3}", "{_id: 1, a: 2, c: 5}")]
    [InlineData("{c: 'text'}", "{_id: 1}", "{_id: 1, c: 'text'}")]
    [InlineData("{c: '$missing'}", "{_id: 1}", "{_id: 1}")]
    [InlineData("{c: {$literal: 1}}", "{_id: 1}", "{_id: 1, c: 1}")]
    [InlineData("{'x.y': '$a'}", "{_id: 1, a: 2}", "{_id: 1, x: {y: 2}}")]
    public void Computed_fields(string projection, string document, string expected) => AssertProjects(projection, document, expected);

    [Theory]
    [InlineData("{a: {$slice: 2}}", "{_id: 1, a: [1, 2, 3], b: 4}", "{_id: 1, a: [1, 2], b: 4}")]
    [InlineData("{a: {$slice: -2}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{a: {$slice: [1, 1]}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2]}")]
    [InlineData("{a: {$slice: [-2, 5]}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{a: {$slice: [5, 1]}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: []}")]
    [InlineData("{a: {$slice: NumberLong(2)}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [1, 2]}")]
    [InlineData("{a: {$slice: 1.4}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [1]}")]
    [InlineData("{a: {$slice: NaN}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: []}")]
    [InlineData("{a: {$slice: Infinity}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [1, 2, 3, 4]}")]
    [InlineData("{a: {$slice: [-3, 2]}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{a: {$slice: [2, null]}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: null}")]
    [InlineData("{a: {$slice: [-2.5, 2]}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [3, 4]}")]
    [InlineData("{a: {$slice: [1, 2.8]}}", "{_id: 1, a: [1, 2, 3, 4]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{a: {$slice: 5}}", "{_id: 1, a: 'x'}", "{_id: 1, a: 'x'}")]
    [InlineData("{a: {$slice: 1}, b: 1}", "{_id: 1, a: [1, 2], b: 3, c: 4}", "{_id: 1, a: [1], b: 3}")]
    [InlineData("{a: {$slice: 1}, c: 0}", "{_id: 1, a: [1, 2], b: 3, c: 4}", "{_id: 1, a: [1], b: 3}")]
    [InlineData("{a: {$slice: 1}, _id: 1}", "{_id: 1, a: [1, 2], b: 3}", "{_id: 1, a: [1]}")]
    [InlineData("{'a.b': {$slice: 1}}", "{_id: 1, a: [{b: [1, 2]}, {b: [3, 4]}]}", "{_id: 1, a: [{b: [1]}, {b: [3]}]}")]
    public void Slice(string projection, string document, string expected) => AssertProjects(projection, document, expected);

    [Fact]
    public void A_find_slice_that_is_a_valid_expression_fails_when_evaluated()
    {
        // mongod: [1, 0] is no find $slice (limit 0), so it is the expression $slice, whose input 1 is no array.
        var projection = Projection.ParseFind(Bson.Doc("{a: {$slice: [1, 0]}}"));
        Assert.Equal(28724, Assert.Throws<QueryException>(() => projection.Apply(Bson.Doc("{_id: 1, a: [1, 2]}"))).Code);
    }

    [Fact]
    public void Slice_falls_back_to_the_aggregation_expression() =>
        AssertProjects("{s: {$slice: ['$a', 1]}}", "{_id: 1, a: [5, 6]}", "{_id: 1, s: [5]}");

    [Theory]
    [InlineData("{a: {$elemMatch: {b: 2}}}", "{_id: 1, a: [{b: 1}, {b: 2, c: 1}, {b: 2}], z: 1}", "{_id: 1, a: [{b: 2, c: 1}]}")]
    [InlineData("{a: {$elemMatch: {$gt: 1}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2]}")]
    [InlineData("{a: {$elemMatch: {b: 9}}}", "{_id: 1, a: [{b: 1}]}", "{_id: 1}")]
    [InlineData("{a: {$elemMatch: {b: 1}}, z: 1}", "{_id: 1, a: [{b: 1}], z: 2}", "{_id: 1, a: [{b: 1}], z: 2}")]
    public void ElemMatch(string projection, string document, string expected) => AssertProjects(projection, document, expected);

    // Cases from mongod's jstests/core/positional_projection.js.
    [Theory]
    [InlineData("{'x.a': 2}", "{'x.$': 1}", "{_id: 0, x: [{a: 1, b: 2}, {a: 2, c: 3}, {a: 1, d: 5}], y: 1}", "{_id: 0, x: [{a: 2, c: 3}]}")]
    [InlineData("{'x.y.a': 1}", "{'x.y.$': 1}", "{_id: 0, x: {y: [{a: 1, b: 1}, {a: 1, b: 2}]}}", "{_id: 0, x: {y: [{a: 1, b: 1}]}}")]
    [InlineData("{'a.b': 1}", "{'g.$': 1}", "{_id: 0, a: {b: 1}}", "{_id: 0}")]
    [InlineData("{x: {$gt: 0}}", "{'a.b.c.$': 1}", "{_id: 0, x: [-1, 1, 2], a: {b: {d: [1, 2, 3], f: 456}, e: 123}}", "{_id: 0, a: {b: {}}}")]
    [InlineData("{x: 1}", "{'a.b.c.$': 1}", "{_id: 0, x: [1], a: [{b: [[[{c: 1, d: 2}]]]}]}", "{_id: 0, a: [{b: [[[{c: 1}]]]}]}")]
    [InlineData("{x: {$gt: 0}}", "{'a.b.c.$': 1}", "{_id: 0, x: [-1, 1, 2], a: {b: {c: 123}}}", "{_id: 0, a: {b: {c: 123}}}")]
    [InlineData("{'x.y.z': 1}", "{'a.b.c.$': 1}", "{_id: 0, x: {y: {z: [0, 1, 2]}}, a: [{b: {c: [1, 2, 3]}}, {b: {c: [4, 5, 6]}}]}", "{_id: 0, a: [{b: {c: [4, 5, 6]}}]}")]
    [InlineData("{'x.y.z': 1}", "{'a.b.c.$': 1}", "{_id: 0, x: {y: {z: [0, 1, 2]}}, a: {b: {c: [1, 2, 3]}}}", "{_id: 0, a: {b: {c: [2]}}}")]
    [InlineData("{x: {$elemMatch: {$gt: 1, $lt: 3}}}", "{'x.$': 1}", "{_id: 0, x: [1, 2, 3]}", "{_id: 0, x: [2]}")]
    [InlineData("{a: {$elemMatch: {$elemMatch: {$eq: 3}}}}", "{'b.$': 1}", "{_id: 0, a: [[1, 2], [3, 4]], b: [[5, 6], [7, 8]]}", "{_id: 0, b: [[7, 8]]}")]
    [InlineData("{$and: [{a: 1}, {a: 2}, {a: 3}]}", "{'b.$': 1}", "{_id: 0, a: [1, 2, 3], b: [4, 5, 6]}", "{_id: 0, b: [6]}")]
    [InlineData("{$and: [{a: 3}, {a: 2}, {a: 1}]}", "{'b.$': 1}", "{_id: 0, a: [1, 2, 3], b: [4, 5, 6]}", "{_id: 0, b: [4]}")]
    [InlineData("{a: {$in: [2, 3]}}", "{'b.$': 1}", "{_id: 0, a: [1, 2, 3], b: [4, 5, 6]}", "{_id: 0, b: [5]}")]
    [InlineData("{$or: [{a: 2}, {a: 3}]}", "{'b.$': 1}", "{_id: 0, a: [1, 2, 3], b: [4, 5, 6]}", "{_id: 0, b: [5]}")]
    public void Positional(string query, string projection, string document, string expected) => AssertProjects(projection, document, expected, query);

    [Theory]
    [InlineData("{x: 1}", "{'x.$': 1}", "{x: [{a: 1}], y: 1}")]
    [InlineData("{b: [4, 5, 6]}", "{'b.$': 1}", "{b: [4, 5, 6]}")]
    [InlineData("{$or: [{a: 1}, {b: 5}]}", "{'a.$': 1}", "{a: [1, 2, 3], b: [4, 5, 6]}")]
    [InlineData("{$nor: [{a: -1}, {a: -2}]}", "{'a.$': 1}", "{a: [1, 2, 3]}")]
    public void Positional_without_a_matched_position_is_error_51246(string query, string projection, string document)
    {
        var error = Assert.Throws<QueryException>(() =>
        {
            var input = Bson.Doc(document);
            var details = new MatchDetails();
            Filter.Parse(Bson.Doc(query)).Matches(input, details);
            Projection.ParseFind(Bson.Doc(projection), Bson.Doc(query)).Apply(input, details);
        });
        Assert.Equal(51246, error.Code);
    }

    [Theory]
    [InlineData("{a: 1, b: 0}", 31254, "Cannot do exclusion on field b in inclusion projection")]
    [InlineData("{a: 0, b: 1}", 31253, "Cannot do inclusion on field b in exclusion projection")]
    [InlineData("{a: 0, b: 'x'}", 31310, "Cannot use an expression b: \"x\" in an exclusion projection")]
    [InlineData("{a: 0, b: {$add: [1, 2]}}", 31252, "Cannot use expression other than $meta in exclusion projection")]
    [InlineData("{a: 1, 'a.b': 1}", 31249, "Path collision at a.b remaining portion b")]
    [InlineData("{'a.b': 1, a: 1}", 31250, "Path collision at a")]
    [InlineData("{a: {$slice: 'x'}}", 28667, "Invalid $slice syntax. The given syntax { $slice: \"x\" } did not match the find() syntax because :: Location31273: $slice only supports numbers and [skip, limit] arrays :: The given syntax did not match the expression $slice syntax. :: caused by :: Expression $slice takes at least 2 arguments, and at most 3, but 1 were passed in.")]
    [InlineData("{a: {$slice: [1]}}", 28667, "Invalid $slice syntax. The given syntax { $slice: [ 1 ] } did not match the find() syntax because :: Location31272: $slice array argument should be of form [skip, limit] :: The given syntax did not match the expression $slice syntax. :: caused by :: Expression $slice takes at least 2 arguments, and at most 3, but 1 were passed in.")]
    [InlineData("{'a.b': {$elemMatch: {c: 1}}}", 31275, "Cannot use $elemMatch projection on a nested field.")]
    [InlineData("{a: {b: {$elemMatch: {c: 1}}}}", 31275, "Cannot use $elemMatch projection on a nested field.")]
    [InlineData("{a: {$elemMatch: ['field', '$eq', 42]}}", 31274, "elemMatch: Invalid argument, object required, but got array")]
    [InlineData("{a: {$slice: [1, 2, 3, 4]}}", 28667, "Invalid $slice syntax. The given syntax { $slice: [ 1, 2, 3, 4 ] } did not match the find() syntax because :: Location31272: $slice array argument should be of form [skip, limit] :: The given syntax did not match the expression $slice syntax. :: caused by :: Expression $slice takes at least 2 arguments, and at most 3, but 4 were passed in.")]
    [InlineData("{a: {$slice: []}}", 28667, "Invalid $slice syntax. The given syntax { $slice: [] } did not match the find() syntax because :: Location31272: $slice array argument should be of form [skip, limit] :: The given syntax did not match the expression $slice syntax. :: caused by :: Expression $slice takes at least 2 arguments, and at most 3, but 0 were passed in.")]
    [InlineData("{a: {$foo: 1}}", 31325, "Unknown expression $foo")]
    [InlineData("{'a.$': 1}", 51050, "Projections with a positional operator require a matcher")]
    public void Invalid_projections_have_mongods_codes(string projection, int code, string message)
    {
        var error = Assert.Throws<QueryException>(() => Projection.ParseFind(Bson.Doc(projection)));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{'x.a': 1, 'y.aa': 1}", "{'x.$': 1, 'y.$': 1}", 31276)]
    [InlineData("{'x.a': 1}", "{'x.$': 1, y: 0}", 31254)]
    [InlineData("{x: 1}", "{'x.$': {$slice: 1}}", 31271)]
    [InlineData("{x: 1}", "{'x.$': 1, y: {$elemMatch: {a: 1}}}", 31255)]
    public void Invalid_positional_projections(string query, string projection, int code)
    {
        var error = Assert.Throws<QueryException>(() => Projection.ParseFind(Bson.Doc(projection), Bson.Doc(query)));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Aggregation_projection_refuses_find_only_features()
    {
        Assert.Equal(31324, Assert.Throws<QueryException>(() => Projection.ParseAggregation(Bson.Doc("{'a.$': 1}"))).Code);
        Assert.Equal(168, Assert.Throws<QueryException>(() => Projection.ParseAggregation(Bson.Doc("{a: {$elemMatch: {b: 1}}}"))).Code);
    }

    [Fact]
    public void Kind_is_reported()
    {
        Assert.True(Projection.ParseFind(Bson.Doc("{a: 1}")).IsInclusion);
        Assert.False(Projection.ParseFind(Bson.Doc("{a: 0}")).IsInclusion);
        Assert.False(Projection.ParseFind(Bson.Doc("{_id: 0}")).IsInclusion);
        Assert.True(Projection.ParseFind(Bson.Doc("{_id: 1}")).IsInclusion);
        Assert.False(Projection.ParseFind(Bson.Doc("{a: {$slice: 1}}")).IsInclusion);
        Assert.True(Projection.ParseFind(Bson.Doc("{'a.$': 1}"), Bson.Doc("{a: 1}")).RequiresMatchDetails);
    }
}
