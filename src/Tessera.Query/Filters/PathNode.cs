using MongoDB.Bson;
using Tessera.Query.Paths;

namespace Tessera.Query.Filters;

/// <summary>
/// A predicate on the values one path reaches: the document matches when any reached value satisfies it
/// (see <see cref="MatchPathWalker"/> for which values a path reaches).
/// </summary>
internal sealed class PathNode(FieldPath path, ValuePredicate predicate) : MatchNode
{
    public FieldPath Path { get; } = path;

    public ValuePredicate Predicate { get; } = predicate;

    public override bool Matches(BsonDocument document, MatchDetails? details)
    {
        foreach (var candidate in MatchPathWalker.Walk(document, Path, Predicate.ExpandsLeafArrays))
        {
            if (Predicate.Matches(candidate.Value, details))
            {
                if (details is not null && candidate.ArrayIndex is { } index)
                {
                    details.ArrayIndex = index;
                }

                return true;
            }
        }

        return false;
    }
}
