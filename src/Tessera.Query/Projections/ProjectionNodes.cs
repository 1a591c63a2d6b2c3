using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;

namespace Tessera.Query.Projections;

/// <summary>A node of a parsed projection, as mongod's projection AST.</summary>
internal abstract class ProjectionNode;

/// <summary>A level of the tree: the projected fields of one (embedded) document, in projection order.</summary>
internal sealed class PathProjectionNode : ProjectionNode
{
    public List<KeyValuePair<string, ProjectionNode>> Children { get; } = [];

    /// <summary>Set on every level between the root and a positional projection ("a.b.$").</summary>
    public bool LeadsToPositional { get; set; }

    public ProjectionNode? Find(string name)
    {
        foreach (var (childName, child) in Children)
        {
            if (childName == name)
            {
                return child;
            }
        }

        return null;
    }

    public void Remove(string name) => Children.RemoveAll(pair => pair.Key == name);

    /// <summary>Whether some computed field lives below: such a level is created even where the document lacks it.</summary>
    public bool HasComputedFields() => Children.Any(pair => pair.Value switch
    {
        ExpressionProjectionNode => true,
        PathProjectionNode path => path.HasComputedFields(),
        _ => false,
    });
}

/// <summary>field: 1 (included) or field: 0 (excluded).</summary>
internal sealed class BooleanProjectionNode(bool included) : ProjectionNode
{
    public bool Included { get; } = included;
}

/// <summary>field: &lt;expression&gt; — a computed field (only in inclusion projections).</summary>
internal sealed class ExpressionProjectionNode(Expression expression) : ProjectionNode
{
    public Expression Expression { get; } = expression;
}

/// <summary>find's field: {$slice: n} or {$slice: [skip, limit]}.</summary>
internal sealed class SliceProjectionNode(int? skip, int limit) : ProjectionNode
{
    public BsonValue Apply(BsonValue value)
    {
        if (value is not BsonArray array)
        {
            return value;
        }

        int start, count;
        if (skip is { } skipCount)
        {
            start = skipCount < 0 ? Math.Max(0, array.Count + skipCount) : Math.Min(skipCount, array.Count);
            count = Math.Min(limit, array.Count - start);
        }
        else if (limit >= 0)
        {
            start = 0;
            count = Math.Min(limit, array.Count);
        }
        else
        {
            count = (int)Math.Min(-(long)limit, array.Count);
            start = array.Count - count;
        }

        return new BsonArray(array.Skip(start).Take(count));
    }
}

/// <summary>find's field: {$elemMatch: query} — the first matching element of the array, alone in an array.</summary>
internal sealed class ElemMatchProjectionNode(string field, Filter filter) : ProjectionNode
{
    public BsonValue? Apply(BsonValue value)
    {
        if (value is not BsonArray array)
        {
            return null;
        }

        foreach (var element in array)
        {
            if (filter.Matches(new BsonDocument(field, new BsonArray { element })))
            {
                return new BsonArray { element };
            }
        }

        return null;
    }
}

/// <summary>find's "path.$": 1 — the array element the query matched.</summary>
internal sealed class PositionalProjectionNode : ProjectionNode;
