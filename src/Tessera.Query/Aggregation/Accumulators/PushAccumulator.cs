using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>$push (every value) and $addToSet (distinct values, 1 and 1.0 being one); missing values are skipped.</summary>
internal sealed class PushAccumulator(bool unique) : Accumulator
{
    private readonly BsonArray _values = [];
    private readonly HashSet<BsonValue> _seen = new(BsonValueComparer.Instance);

    public override void Add(BsonValue? value)
    {
        if (value is null || (unique && !_seen.Add(value)))
        {
            return;
        }

        _values.Add(value);
    }

    public override BsonValue Result() => _values;
}
