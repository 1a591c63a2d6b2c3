using Tessera.Query.Projections;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>The cases of mongod's jstests/core/elemmatch_projection.js (outputs without _id).</summary>
public class ElemMatchProjectionTests
{
    [Theory]
    [InlineData("{x: {$elemMatch: {a: -6}}}", "{x: [{a: 1, b: 4}, {a: -6, c: 3}]}", "{x: [{a: -6, c: 3}]}")]
    [InlineData("{x: {$elemMatch: {a: -6, c: 3}}}", "{x: [{a: 1, b: 4}, {a: -6, c: 3}]}", "{x: [{a: -6, c: 3}]}")]
    [InlineData("{x: {$elemMatch: {a: {$lt: 1}}}}", "{x: [{a: 1, b: 4}, {a: -6, c: 3}]}", "{x: [{a: -6, c: 3}]}")]
    [InlineData("{x: {$elemMatch: {a: {$gt: 0, $lt: 2}}}}", "{x: [{a: 1, b: 1}, {a: 1, b: 2}]}", "{x: [{a: 1, b: 1}]}")]
    [InlineData("{x: {$elemMatch: {$in: [100, 4, -123]}}}", "{x: [1, 2, 3, 4, 5]}", "{x: [4]}")]
    [InlineData("{x: {$elemMatch: {a: {$in: [1]}}}}", "{x: [{a: 1, b: 2}, {a: 2, c: 3}, {a: 1, d: 5}]}", "{x: [{a: 1, b: 2}]}")]
    [InlineData("{x: {$elemMatch: {$nin: [4, 5, 6]}}}", "{x: [1, 2, 3, 4, 5]}", "{x: [1]}")]
    [InlineData("{x: {$elemMatch: {$all: [1]}}}", "{x: [1, 2, 3, 4, 5]}", "{x: [1]}")]
    [InlineData("{x: {$elemMatch: {}}}", "{x: ['string', 123, [1, 2, 3], {a: 1}]}", "{x: [[1, 2, 3]]}")]
    [InlineData("{x: {$elemMatch: {}}}", "{x: ['string', 123, {a: 1}]}", "{x: [{a: 1}]}")]
    [InlineData("{x: {$elemMatch: {$elemMatch: {$gt: 5, $lt: 7}}}}", "{x: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}", "{x: [[4, 5, 6]]}")]
    [InlineData("{x: {$elemMatch: {a: /ring2/}}}", "{x: [{a: 'string'}, {a: 1.2345}, {a: 'string2'}]}", "{x: [{a: 'string2'}]}")]
    [InlineData("{x: {$elemMatch: {a: {$type: 2}}}}", "{x: [{a: ObjectId('000000000000000000000000')}, {a: 'string'}]}", "{x: [{a: 'string'}]}")]
    [InlineData("{x: {$elemMatch: {a: {$ne: 1}}}}", "{x: [{a: 1, b: 2}, {a: 2, c: 3}, {a: 1, d: 5}]}", "{x: [{a: 2, c: 3}]}")]
    [InlineData("{x: {$elemMatch: {d: {$exists: true}}}}", "{x: [{a: 1, b: 2}, {a: 2, c: 3}, {a: 1, d: 5}], y: 1}", "{x: [{a: 1, d: 5}]}")]
    [InlineData("{x: {$elemMatch: {a: {$mod: [2, 0]}}}}", "{x: [{a: 1, b: 2}, {a: 2, c: 3}, {a: 1, d: 5}]}", "{x: [{a: 2, c: 3}]}")]
    [InlineData("{x: {$elemMatch: {a: 1}}, y: {$elemMatch: {c: 3}}}", "{x: [{a: 1, b: 2}, {a: 3, b: 4}], y: [{c: 1, d: 2}, {c: 3, d: 4}]}", "{x: [{a: 1, b: 2}], y: [{c: 3, d: 4}]}")]
    [InlineData("{x: {$elemMatch: {$gt: 2, $lt: 4}}}", "{x: [1, 2, 4, 3, 5]}", "{x: [3]}")]
    [InlineData("{x: {$elemMatch: {$or: [{a: {$eq: 4}}, {$and: [{a: {$mod: [12, 0]}}, {a: {$mod: [15, 0]}}]}]}}}", "{x: [{a: 1}, {a: 180}, {a: 4}]}", "{x: [{a: 180}]}")]
    [InlineData("{x: {$elemMatch: {$id: 'id1'}}}", "{x: [{$ref: 'c', $id: 'id0'}, {$ref: 'c', $id: 'id1'}]}", "{x: [{$ref: 'c', $id: 'id1'}]}")]
    [InlineData("{x: {$elemMatch: {$ref: 'd'}}}", "{x: [{$ref: 'c', $id: 'id0'}, {$ref: 'd', $id: 'id2'}]}", "{x: [{$ref: 'd', $id: 'id2'}]}")]
    [InlineData("{x: {$elemMatch: {$gt: 2}}}", "{x: {a: 123}, d: 456}", "{}")]
    [InlineData("{x: {$elemMatch: {$gt: 2}}, d: 1}", "{x: {a: 123}, d: 456}", "{d: 456}")]
    [InlineData("{x: {$elemMatch: {$gt: 2}}, d: 0}", "{x: {a: 123}, d: 456}", "{}")]
    [InlineData("{x: {$elemMatch: {$or: [{}, {}]}}}", "{x: ['string', 123, {b: 123}]}", "{x: [{b: 123}]}")]
    [InlineData("{x: {$elemMatch: {$or: [{}, {}]}}}", "{x: ['string', 123, [1, 2, 3]]}", "{x: [[1, 2, 3]]}")]
    [InlineData("{x: {$elemMatch: {$lt: 0}}}", "{x: [1, 2, 3]}", "{}")]
    public void ElemMatch_projection_as_mongod(string projection, string document, string expected)
    {
        var input = Bson.Doc(document);
        input.InsertAt(0, new MongoDB.Bson.BsonElement("_id", 7));
        var output = Projection.ParseFind(Bson.Doc(projection)).Apply(input);
        output.Remove("_id");
        Assert.Equal(Json.Normalize(expected), Json.Of(output));
    }
}
