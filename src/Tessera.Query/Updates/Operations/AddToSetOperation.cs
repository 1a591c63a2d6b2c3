using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates.Operations;

/// <summary>$addToSet (with $each): appends the values the array does not already hold (1 and 1.0 are the same).</summary>
internal sealed class AddToSetOperation(UpdatePath path, IReadOnlyList<BsonValue> items) : UpdateOperation("$addToSet", path)
{
    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        var existing = slot.Value;
        if (existing is not null and not BsonArray)
        {
            throw new QueryException(ErrorCodes.BadValue,
                $"Cannot apply $addToSet to non-array field. Field named '{slot.Name}' has non-array type {BsonTypeAliases.NameOf(existing.BsonType)}");
        }

        var result = existing is BsonArray array ? new BsonArray(array) : [];
        foreach (var item in items)
        {
            if (!result.Contains(item, BsonValueComparer.Instance))
            {
                result.Add(item.DeepClone());
            }
        }

        slot.Set(result);
    }
}
