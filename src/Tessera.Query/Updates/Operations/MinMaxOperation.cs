using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Updates.Operations;

/// <summary>$min and $max: replace when the new value is smaller (larger) by MongoDB's order across types.</summary>
internal sealed class MinMaxOperation(string operatorName, UpdatePath path, BsonValue value) : UpdateOperation(operatorName, path)
{
    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        var existing = slot.Value;
        if (existing is null)
        {
            slot.Set(value.DeepClone());
            return;
        }

        var order = BsonValueComparer.Instance.Compare(value, existing);
        if (OperatorName == "$max" ? order > 0 : order < 0)
        {
            slot.Set(value.DeepClone());
        }
    }
}
