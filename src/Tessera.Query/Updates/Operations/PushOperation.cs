using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Filters;
using Tessera.Query.Sorting;

namespace Tessera.Query.Updates.Operations;

/// <summary>
/// $push with $each, $position, $sort and $slice, applied in that order as mongod does. A missing field
/// becomes an array; any other type is an error.
/// </summary>
internal sealed class PushOperation(UpdatePath path, IReadOnlyList<BsonValue> items, int? position, int? slice, PushSort? sort) : UpdateOperation("$push", path)
{
    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        var existing = slot.Value;
        if (existing is not null and not BsonArray)
        {
            throw new QueryException(ErrorCodes.BadValue,
                $"The field '{slot.Name}' must be an array but is of type {BsonTypeAliases.NameOf(existing.BsonType)} in document {context.DocumentName}");
        }

        var result = existing is BsonArray array ? new List<BsonValue>(array) : [];
        var insertAt = position switch
        {
            null => result.Count,
            >= 0 and var p => Math.Min(p, result.Count),
            var p => Math.Max(0, result.Count + p.Value),
        };
        result.InsertRange(insertAt, items.Select(item => item.DeepClone()));

        if (sort is not null)
        {
            result = sort.Sort(result);
        }

        if (slice is { } limit)
        {
            result = limit >= 0 ? result.Take(limit).ToList() : result.Skip(Math.Max(0, result.Count + limit)).ToList();
        }

        slot.Set(new BsonArray(result));
    }
}

/// <summary>$push's $sort: 1/-1 on the elements themselves, or a sort specification on embedded fields.</summary>
internal sealed class PushSort(bool? wholeElementAscending, SortSpec? byFields)
{
    public List<BsonValue> Sort(List<BsonValue> elements)
    {
        if (wholeElementAscending is { } ascending)
        {
            return ascending
                ? elements.OrderBy(e => e, BsonValueComparer.Instance).ToList()
                : elements.OrderByDescending(e => e, BsonValueComparer.Instance).ToList();
        }

        // Elements that are not documents sort as documents without the fields.
        return elements.OrderBy(e => e as BsonDocument ?? [], byFields!).ToList();
    }
}
