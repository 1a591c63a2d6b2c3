using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>
/// A compiled query filter (the "filter" of find, update, delete, count…). Parse once, match many.
/// Parsing throws <see cref="QueryException"/> with mongod's code and message for an invalid filter.
/// </summary>
public sealed class Filter
{
    private readonly MatchNode _root;

    private Filter(BsonDocument source, MatchNode root)
    {
        Source = source;
        _root = root;
    }

    /// <summary>The filter that matches every document ({}).</summary>
    public static Filter MatchAll { get; } = new(new BsonDocument(), new ConstantNode(true));

    /// <summary>The document this filter was parsed from.</summary>
    public BsonDocument Source { get; }

    public static Filter Parse(BsonDocument filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new Filter(filter, filter.ElementCount == 0 ? new ConstantNode(true) : FilterParser.ParseDocument(filter));
    }

    public bool Matches(BsonDocument document) => _root.Matches(document, null);

    /// <summary>Matches and records what the positional operator <c>$</c> needs in <paramref name="details"/>.</summary>
    public bool Matches(BsonDocument document, MatchDetails details) => _root.Matches(document, details);
}
