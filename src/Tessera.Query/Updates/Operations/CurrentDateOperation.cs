using MongoDB.Bson;

namespace Tessera.Query.Updates.Operations;

/// <summary>$currentDate: the current time as a date, or as a timestamp with {$type: "timestamp"}.</summary>
internal sealed class CurrentDateOperation(UpdatePath path, bool asTimestamp, Func<DateTime> clock) : UpdateOperation("$currentDate", path)
{
    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        var now = clock();
        slot.Set(asTimestamp
            ? new BsonTimestamp((int)new DateTimeOffset(now).ToUnixTimeSeconds(), 1)
            : new BsonDateTime(now));
    }
}
