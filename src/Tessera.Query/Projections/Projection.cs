using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Projections;

/// <summary>
/// A parsed projection. <see cref="ParseFind"/> accepts find's extras ($slice, $elemMatch and the positional
/// "field.$", which needs the query); <see cref="ParseAggregation"/> is $project's dialect.
/// Invalid projections throw <see cref="QueryException"/> with mongod's codes (31253, 31254, 31250…).
/// </summary>
public sealed class Projection
{
    private readonly ProjectionExecutor _executor;

    private Projection(PathProjectionNode root, bool isInclusion, bool hasPositional)
    {
        IsInclusion = isInclusion;
        RequiresMatchDetails = hasPositional;
        _executor = new ProjectionExecutor(root, isInclusion);
    }

    /// <summary>Inclusion projections list what to keep; exclusion projections what to drop.</summary>
    public bool IsInclusion { get; }

    /// <summary>The projection has a positional "field.$": pass the query's <see cref="MatchDetails"/> to <see cref="Apply"/>.</summary>
    public bool RequiresMatchDetails { get; }

    /// <summary>A find projection; <paramref name="query"/> is the find's filter, needed by a positional projection.</summary>
    public static Projection ParseFind(BsonDocument specification, BsonDocument? query = null) => Parse(specification, findFeatures: true, query);

    /// <summary>An aggregation $project specification.</summary>
    public static Projection ParseAggregation(BsonDocument specification) => Parse(specification, findFeatures: false, query: null);

    private static Projection Parse(BsonDocument specification, bool findFeatures, BsonDocument? query)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var (root, isInclusion) = new ProjectionParser(findFeatures, query).Parse(specification);
        return new Projection(root, isInclusion, root.LeadsToPositional);
    }

    public BsonDocument Apply(BsonDocument document, MatchDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _executor.Apply(document, details);
    }
}
