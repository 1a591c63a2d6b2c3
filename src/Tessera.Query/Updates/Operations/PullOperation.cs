using MongoDB.Bson;

namespace Tessera.Query.Updates.Operations;

/// <summary>$pull and $pullAll: remove every element the condition matches.</summary>
internal sealed class PullOperation(string operatorName, UpdatePath path, Func<BsonValue, bool> matches) : UpdateOperation(operatorName, path)
{
    protected override bool CreatesPath => false;

    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        switch (slot.Value)
        {
            case null:
                return;
            case BsonArray array:
                slot.Set(new BsonArray(array.Where(element => !matches(element))));
                return;
            default:
                throw new QueryException(ErrorCodes.BadValue, "Cannot apply $pull to a non-array value");
        }
    }
}
