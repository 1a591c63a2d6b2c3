using MongoDB.Bson;
using Tessera.Query.Aggregation;

namespace Tessera.Query.Tests.Support;

internal static class Aggregate
{
    /// <summary>Runs a pipeline over documents and returns the output as one shell-JSON array.</summary>
    public static string Run(string pipeline, string documents, Dictionary<string, string>? collections = null)
    {
        CollectionResolver? resolver = collections is null
            ? null
            : name => collections.TryGetValue(name, out var json) ? Bson.Array(json).Select(v => v.AsBsonDocument) : null;
        var output = Pipeline.Parse(Bson.Array(pipeline)).Run(Bson.Array(documents).Select(v => v.AsBsonDocument), resolver);
        return Json.Of(new BsonArray(output));
    }

    public static string Normalize(string array) => Json.Of(Bson.Array(array));

    public static QueryException Error(string pipeline, string documents = "[{_id: 1}]") =>
        Assert.Throws<QueryException>(() => Run(pipeline, documents));
}
