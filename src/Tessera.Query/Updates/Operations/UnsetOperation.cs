namespace Tessera.Query.Updates.Operations;

/// <summary>$unset: removes a field; an array element becomes null.</summary>
internal sealed class UnsetOperation(UpdatePath path) : UpdateOperation("$unset", path)
{
    protected override bool CreatesPath => false;

    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        if (slot.Value is not null)
        {
            slot.Remove();
        }
    }
}
