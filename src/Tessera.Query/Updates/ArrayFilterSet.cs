using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates;

/// <summary>
/// The arrayFilters of an update: one filter per identifier; an element matches "$[id]" when the filter,
/// written on the identifier ({"x.b": {$gt: 1}}), matches {id: element}.
/// </summary>
internal sealed class ArrayFilterSet
{
    private readonly Dictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public static ArrayFilterSet Empty { get; } = new();

    public IEnumerable<string> Identifiers => _filters.Keys;

    public static ArrayFilterSet Parse(IEnumerable<BsonDocument>? arrayFilters)
    {
        var set = new ArrayFilterSet();
        foreach (var filter in arrayFilters ?? [])
        {
            // A filter that is no query fails as a query first ({$i: 0} is an unknown top level operator).
            var parsed = Filter.Parse(filter);
            var names = new List<string>();
            CollectTopLevelNames(filter, names);
            string? identifier = null;
            foreach (var topLevel in names)
            {
                if (identifier is not null && identifier != topLevel)
                {
                    throw new QueryException(ErrorCodes.FailedToParse, $"Error parsing array filter :: caused by :: Expected a single top-level field name, found '{identifier}' and '{topLevel}'");
                }

                identifier = topLevel;
            }

            if (identifier is null)
            {
                throw new QueryException(ErrorCodes.FailedToParse, "Cannot use an expression without a top-level field name in arrayFilters");
            }

            if (identifier.Length == 0 || !char.IsAsciiLetterLower(identifier[0]) || !identifier.All(char.IsAsciiLetterOrDigit))
            {
                throw new QueryException(ErrorCodes.BadValue, $"Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '{identifier}'");
            }

            if (!set._filters.TryAdd(identifier, parsed))
            {
                throw new QueryException(ErrorCodes.FailedToParse, $"Found multiple array filters with the same top-level field name {identifier}");
            }
        }

        return set;
    }

    /// <summary>The first components of the filter's field names, looking inside $and, $or and $nor.</summary>
    private static void CollectTopLevelNames(BsonDocument filter, List<string> names)
    {
        foreach (var element in filter)
        {
            if (element.Name is "$and" or "$or" or "$nor" && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses.OfType<BsonDocument>())
                {
                    CollectTopLevelNames(clause, names);
                }
            }
            else if (!element.Name.StartsWith('$'))
            {
                names.Add(element.Name.Split('.')[0]);
            }
        }
    }

    public bool Contains(string identifier) => _filters.ContainsKey(identifier);

    public bool Matches(string identifier, BsonValue element) => _filters[identifier].Matches(new BsonDocument(identifier, element));
}
