using MongoDB.Bson;

namespace Tessera.Storage;

/// <summary>
/// What a stored document's _id must be. The insert command adds an ObjectId when the client sent
/// none, so storage requires one; the types mongod refuses for _id are refused here too.
/// </summary>
public static class DocumentIdRules
{
    public static BsonValue IdOf(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGetValue("_id", out var id))
        {
            throw new ArgumentException(
                "The document has no _id. Storage keys documents by _id; add one (the insert command adds an ObjectId) before storing it.",
                nameof(document));
        }

        var refused = id.BsonType switch
        {
            BsonType.Array => "an array",
            BsonType.RegularExpression => "a regex",
            BsonType.Undefined => "a undefined",
            _ => null,
        };
        if (refused is not null)
        {
            // mongod's own wording, which drivers and users recognise.
            throw new StorageException(StorageErrorCodes.BadValue, "BadValue", $"can't use {refused} for _id");
        }

        return id;
    }
}
