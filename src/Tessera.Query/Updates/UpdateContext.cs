using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates;

/// <summary>What applying one update to one document needs besides the path.</summary>
internal sealed class UpdateContext(BsonDocument document, MatchDetails? details, ArrayFilterSet arrayFilters, bool isInsert)
{
    /// <summary>The document being changed (a copy of the stored one).</summary>
    public BsonDocument Document { get; } = document;

    public MatchDetails? Details { get; } = details;

    public ArrayFilterSet ArrayFilters { get; } = arrayFilters;

    /// <summary>True when the update builds an upserted document: $setOnInsert applies only then.</summary>
    public bool IsInsert { get; } = isInsert;

    /// <summary>"{_id: 1}" as mongod names the document in messages.</summary>
    public string DocumentName => Document.TryGetValue("_id", out var id) ? "{" + MongoText.Element("_id", id) + "}" : MongoText.Format(Document);
}
