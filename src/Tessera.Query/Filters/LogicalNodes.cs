using MongoDB.Bson;

namespace Tessera.Query.Filters;

internal sealed class AndNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    public IReadOnlyList<MatchNode> Children { get; } = children;

    public override bool Matches(BsonDocument document, MatchDetails? details)
    {
        foreach (var child in Children)
        {
            if (!child.Matches(document, details))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class OrNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    // mongod records the array position under $or only when it is an $in in disguise: every clause on one path.
    private readonly bool _recordsPosition = children.All(child => child is PathNode path && children[0] is PathNode first && path.Path.Dotted == first.Path.Dotted);

    public override bool Matches(BsonDocument document, MatchDetails? details)
    {
        foreach (var child in children)
        {
            if (child.Matches(document, _recordsPosition ? details : details?.WithoutPosition()))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NorNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    public override bool Matches(BsonDocument document, MatchDetails? details)
    {
        foreach (var child in children)
        {
            // A negation learns no array position worth reporting, as in mongod.
            if (child.Matches(document, details?.WithoutPosition()))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class NotNode(MatchNode child) : MatchNode
{
    public override bool Matches(BsonDocument document, MatchDetails? details) => !child.Matches(document, details?.WithoutPosition());
}

internal sealed class ConstantNode(bool result) : MatchNode
{
    public override bool Matches(BsonDocument document, MatchDetails? details) => result;
}
