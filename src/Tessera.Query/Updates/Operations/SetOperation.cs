using MongoDB.Bson;

namespace Tessera.Query.Updates.Operations;

/// <summary>$set, and $setOnInsert, which only acts when an upsert inserts.</summary>
internal sealed class SetOperation(string operatorName, UpdatePath path, BsonValue value, bool onInsertOnly) : UpdateOperation(operatorName, path)
{
    public override void Execute(UpdateContext context)
    {
        if (!onInsertOnly || context.IsInsert)
        {
            base.Execute(context);
        }
    }

    protected override void Apply(UpdateSlot slot, UpdateContext context) => slot.Set(value.DeepClone());
}
