using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates.Operations;

/// <summary>$pop: 1 removes the last element, -1 the first; a missing field or empty array is left alone.</summary>
internal sealed class PopOperation(UpdatePath path, bool fromFront) : UpdateOperation("$pop", path)
{
    protected override bool CreatesPath => false;

    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        switch (slot.Value)
        {
            case null:
                return;
            case BsonArray { Count: 0 }:
                return;
            case BsonArray array:
                var result = new BsonArray(array);
                result.RemoveAt(fromFront ? 0 : result.Count - 1);
                slot.Set(result);
                return;
            case var other:
                throw new QueryException(ErrorCodes.TypeMismatch, $"Path '{Path.Dotted}' contains an element of non-array type '{BsonTypeAliases.NameOf(other.BsonType)}'");
        }
    }
}
