using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Tessera.Query.Tests.Support;

internal static class Json
{
    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };

    /// <summary>Compact shell JSON of a value, for readable expected outputs: {a: 1} prints as { "a" : 1 }.</summary>
    public static string Of(BsonValue value) => value.ToJson(Shell);

    /// <summary>The canonical shell JSON of a document written in shell syntax.</summary>
    public static string Normalize(string json) => Of(BsonDocument.Parse(json));
}
