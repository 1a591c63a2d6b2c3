using MongoDB.Bson;
using Tessera.Server.Commands;
using Tessera.Storage;
using Tessera.Storage.Indexes;

namespace Tessera.Server.Queries;

/// <summary>
/// Chooses how to read a query's candidates. An equality on _id is one lookup; an equality or one range bound on
/// the first field of an index reads that range of the index; anything else scans the collection. Only what is
/// surely a superset of the matches is used: a single bound per field (on a multikey index two bounds on one
/// field need not hold for the same element), no null (missing fields and sparse indexes), no arrays, documents
/// or regular expressions, and no numeric path components.
/// </summary>
public static class QueryPlanner
{
    public static QueryPlan Plan(NamespaceString ns, BsonDocument filter, IReadOnlyList<IndexSpec> indexes, BsonValue? hint = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(indexes);
        if (hint is not null && !hint.IsBsonNull)
        {
            return Hinted(ns, filter, indexes, hint);
        }

        if (filter.TryGetValue("_id", out var id) && EqualityValue(id) is { } idValue)
        {
            return new IdLookupPlan(ns, idValue);
        }

        foreach (var element in filter)
        {
            if (element.Name.StartsWith('$') || element.Name.Split('.').Any(part => part.All(char.IsAsciiDigit)))
            {
                continue;
            }

            var index = indexes.FirstOrDefault(i => !i.IsId && i.Fields[0].Path == element.Name)
                ?? (element.Name == "_id" ? IndexSpec.Id : null);
            if (index is not null && RangeOf(element.Value) is { } range)
            {
                return new IndexScanPlan(ns, index, range.Range, $"{element.Name}: {range.Bounds}");
            }
        }

        return new CollectionScanPlan(ns);
    }

    // hint: an index name or key pattern reads that whole index (or its usable range); {$natural: 1} scans.
    private static QueryPlan Hinted(NamespaceString ns, BsonDocument filter, IReadOnlyList<IndexSpec> indexes, BsonValue hint)
    {
        if (hint is BsonDocument natural && natural.ElementCount == 1 && natural.GetElement(0).Name == "$natural")
        {
            return new CollectionScanPlan(ns);
        }

        var index = hint switch
        {
            BsonString name => indexes.FirstOrDefault(i => i.Name == name.Value),
            BsonDocument key => indexes.FirstOrDefault(i => i.Key.Equals(key)),
            _ => null,
        } ?? throw new CommandException(ErrorCode.BadValue, "hint provided does not correspond to an existing index");
        var field = index.Fields[0].Path;
        return filter.TryGetValue(field, out var condition) && RangeOf(condition) is { } range
            ? new IndexScanPlan(ns, index, range.Range, $"{field}: {range.Bounds}")
            : new IndexScanPlan(ns, index, IndexRange.All, "[MinKey, MaxKey]");
    }

    private static (IndexRange Range, string Bounds)? RangeOf(BsonValue condition)
    {
        if (EqualityValue(condition) is { } equal)
        {
            return (new IndexRange([equal]), $"[{equal}, {equal}]");
        }

        if (condition is not BsonDocument operators || operators.ElementCount == 0 || !operators.GetElement(0).Name.StartsWith('$'))
        {
            return null;
        }

        foreach (var (name, value) in operators.Select(e => (e.Name, e.Value)))
        {
            if (Bracket(value) is not { } bracket)
            {
                continue;
            }

            switch (name)
            {
                case "$gt" or "$gte":
                    return (new IndexRange([], new IndexBound(value, name == "$gte"), bracket.Upper), $"{(name == "$gte" ? "[" : "(")}{value}, {bracket.Upper.Value})");
                case "$lt" or "$lte":
                    return (new IndexRange([], bracket.Lower, new IndexBound(value, name == "$lte")), $"[{bracket.Lower.Value}, {value}{(name == "$lte" ? "]" : ")")}");
            }
        }

        return null;
    }

    /// <summary>A plain value the index holds as one key: not null, array, document, regex or MinKey/MaxKey.</summary>
    private static BsonValue? EqualityValue(BsonValue condition)
    {
        var value = condition is BsonDocument { ElementCount: 1 } eq && eq.GetElement(0).Name == "$eq" ? eq[0] : condition;
        return value.BsonType is BsonType.Null or BsonType.Undefined or BsonType.Array or BsonType.Document or BsonType.RegularExpression
            or BsonType.MinKey or BsonType.MaxKey
            ? null
            : value;
    }

    // A comparison stays inside its type bracket: numbers with numbers, strings with strings, dates with dates.
    private static (IndexBound Lower, IndexBound Upper)? Bracket(BsonValue value) => value.BsonType switch
    {
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 when !(value is BsonDouble d && double.IsNaN(d.Value)) =>
            (new IndexBound(double.NegativeInfinity, true), new IndexBound(double.PositiveInfinity, true)),
        BsonType.String => (new IndexBound(string.Empty, true), new IndexBound(new BsonDocument(), false)),
        BsonType.DateTime => (new IndexBound(new BsonDateTime(long.MinValue), true), new IndexBound(new BsonDateTime(long.MaxValue), true)),
        _ => null,
    };
}
