using Tessera.Query.Updates;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class PipelineUpdateTests
{
    [Theory]
    [InlineData("[{$set: {total: {$add: ['$a', '$b']}}}]", "{_id: 1, a: 1, b: 2}", "{_id: 1, a: 1, b: 2, total: 3}", true)]
    [InlineData("[{$unset: 'a'}, {$set: {c: '$b'}}]", "{_id: 1, a: 1, b: 2}", "{_id: 1, b: 2, c: 2}", true)]
    [InlineData("[{$project: {b: 1}}]", "{_id: 1, a: 1, b: 2}", "{_id: 1, b: 2}", true)]
    [InlineData("[{$replaceWith: {x: '$a'}}]", "{_id: 1, a: 1}", "{_id: 1, x: 1}", true)]
    [InlineData("[{$set: {a: 1}}]", "{_id: 1, a: 1}", "{_id: 1, a: 1}", false)]
    public void Pipeline_updates_run_the_stages(string pipeline, string document, string expected, bool changed)
    {
        var result = Update.ParsePipeline(Bson.Array(pipeline)).Apply(Bson.Doc(document));
        Assert.Equal(Json.Normalize(expected), Json.Of(result.Document));
        Assert.Equal(changed, result.Changed);
    }

    [Fact]
    public void Pipeline_upsert_starts_from_the_filter()
    {
        var inserted = Update.ParsePipeline(Bson.Array("[{$set: {b: {$add: ['$a', 1]}}}]")).BuildUpsertDocument(Bson.Doc("{_id: 5, a: 1}"));
        Assert.Equal(Json.Normalize("{_id: 5, a: 1, b: 2}"), Json.Of(inserted));
    }

    [Theory]
    [InlineData("[{$match: {a: 1}}]", 72, "$match is not allowed to be used within an update")]
    [InlineData("[{$foo: {}}]", 40324, "Unrecognized pipeline stage name: '$foo'")]
    [InlineData("[{$replaceWith: {_id: 2}}]", 66, null)]
    public void Refused_pipelines(string pipeline, int code, string? message)
    {
        var error = Assert.Throws<QueryException>(() => Update.ParsePipeline(Bson.Array(pipeline)).Apply(Bson.Doc("{_id: 1, a: 1}")));
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }
}
