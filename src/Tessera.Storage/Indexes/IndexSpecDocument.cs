using MongoDB.Bson;

namespace Tessera.Storage.Indexes;

/// <summary>Reads an index back from the form it is stored (and listed) in.</summary>
internal static class IndexSpecDocument
{
    public static IndexSpec Read(BsonDocument document) => new(
        document["key"].AsBsonDocument,
        document["name"].AsString,
        document.GetValue("unique", false).ToBoolean(),
        document.GetValue("sparse", false).ToBoolean());
}
