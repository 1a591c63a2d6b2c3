using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>A node of a parsed filter: a logical combination or a predicate on one path.</summary>
internal abstract class MatchNode
{
    public abstract bool Matches(BsonDocument document, MatchDetails? details);
}
