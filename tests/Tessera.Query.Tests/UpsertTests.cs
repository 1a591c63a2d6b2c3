using MongoDB.Bson;
using Tessera.Query.Updates;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class UpsertTests
{
    private static string Upsert(string filter, string update) =>
        Json.Of(Update.Parse(Bson.Doc(update), clock: () => UpdateRunner.FixedNow).BuildUpsertDocument(Bson.Doc(filter)));

    [Theory]
    [InlineData("{_id: 1, a: 1}", "{$set: {b: 2}}", "{_id: 1, a: 1, b: 2}")]
    [InlineData("{_id: 1, a: {$gt: 1}}", "{$set: {b: 2}}", "{_id: 1, b: 2}")]
    [InlineData("{_id: 1, a: {$eq: 5}}", "{$inc: {a: 1}}", "{_id: 1, a: 6}")]
    [InlineData("{_id: 1, 'x.y': 1}", "{$set: {'x.z': 2}}", "{_id: 1, x: {y: 1, z: 2}}")]
    [InlineData("{$and: [{_id: 1}, {a: 1}]}", "{$set: {b: 2}}", "{_id: 1, a: 1, b: 2}")]
    [InlineData("{_id: 1, $or: [{a: 1}, {a: 2}]}", "{$set: {b: 2}}", "{_id: 1, b: 2}")]
    [InlineData("{_id: 1, a: /x/}", "{$set: {b: 2}}", "{_id: 1, b: 2}")]
    [InlineData("{z: 1, _id: 1, a: 1}", "{$set: {b: 2}}", "{_id: 1, a: 1, z: 1, b: 2}")]
    [InlineData("{_id: 1, a: {$in: [4]}}", "{$set: {b: 2}}", "{_id: 1, a: 4, b: 2}")]
    [InlineData("{_id: 1, a: {$in: [4, 5]}}", "{$set: {b: 2}}", "{_id: 1, b: 2}")]
    [InlineData("{$or: [{_id: 1}]}", "{$set: {b: 2}}", "{_id: 1, b: 2}")]
    [InlineData("{_id: 1}", "{$setOnInsert: {c: 3}, $set: {b: 2}}", "{_id: 1, b: 2, c: 3}")]
    [InlineData("{b: 1}", "{$set: {_id: 7}}", "{_id: 7, b: 1}")]
    [InlineData("{_id: 1, a: 1}", "{c: 3}", "{_id: 1, c: 3}")]
    [InlineData("{_id: 1}", "{c: 3, _id: 1}", "{_id: 1, c: 3}")]
    [InlineData("{_id: 1, a: 1, 'a.b': 2}", "{c: 3}", "{_id: 1, c: 3}")]
    [InlineData("{_id: 1}", "{c: 3, $bad: 1}", "{_id: 1, c: 3, $bad: 1}")]
    public void Upsert_document_is_built_from_equalities_and_update(string filter, string update, string expected) =>
        Assert.Equal(Json.Normalize(expected), Upsert(filter, update));

    [Fact]
    public void SetOnInsert_is_ignored_when_updating()
    {
        var result = UpdateRunner.Run("{$setOnInsert: {c: 3}}", "{_id: 1}");
        Assert.False(result.Changed);
    }

    [Fact]
    public void An_id_is_generated_first_when_none_is_given()
    {
        var document = Update.Parse(Bson.Doc("{$set: {b: 2}}")).BuildUpsertDocument(Bson.Doc("{a: 1}"));
        Assert.Equal("_id", document.GetElement(0).Name);
        Assert.IsType<BsonObjectId>(document["_id"]);
        Assert.Equal(1, document["a"].AsInt32);
    }

    [Theory]
    [InlineData("{a: 1, $and: [{a: 2}]}", "cannot infer query fields to set, path 'a' is matched twice")]
    [InlineData("{a: 1, 'a.b': 2}", "cannot infer query fields to set, both paths 'a' and 'a.b' are matched")]
    public void Ambiguous_equalities_are_refused(string filter, string message)
    {
        var error = Assert.Throws<QueryException>(() => Update.Parse(Bson.Doc("{$set: {z: 1}}")).BuildUpsertDocument(Bson.Doc(filter)));
        Assert.Equal(54, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Changing_the_filters_id_is_refused()
    {
        var error = Assert.Throws<QueryException>(() => Update.Parse(Bson.Doc("{$set: {_id: 2}}")).BuildUpsertDocument(Bson.Doc("{_id: 1}")));
        Assert.Equal(66, error.Code);
    }

    [Fact]
    public void Positional_update_cannot_upsert()
    {
        var error = Assert.Throws<QueryException>(() => Update.Parse(Bson.Doc("{$set: {'a.$': 1}}")).BuildUpsertDocument(Bson.Doc("{a: 1}")));
        Assert.Equal("The positional operator did not find the match needed from the query.", error.Message);
    }
}
