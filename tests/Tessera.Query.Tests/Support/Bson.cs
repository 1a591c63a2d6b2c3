using MongoDB.Bson;

namespace Tessera.Query.Tests.Support;

/// <summary>Shell-syntax JSON (NumberLong(1), /re/i, MinKey…) to BSON, so cases read like mongosh.</summary>
internal static class Bson
{
    public static BsonDocument Doc(string json) => BsonDocument.Parse(json);

    /// <summary>A single value written in shell syntax.</summary>
    public static BsonValue Value(string json) => BsonDocument.Parse("{v: " + json + "}")["v"];

    public static BsonArray Array(string json) => Value(json).AsBsonArray;
}
