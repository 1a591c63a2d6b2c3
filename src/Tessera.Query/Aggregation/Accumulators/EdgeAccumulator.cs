using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>$first and $last: the value of the group's first (last) document, null when missing there.</summary>
internal sealed class EdgeAccumulator(bool last) : Accumulator
{
    private bool _seen;
    private BsonValue _value = BsonNull.Value;

    public override void Add(BsonValue? value)
    {
        if (!_seen || last)
        {
            _value = value ?? BsonNull.Value;
            _seen = true;
        }
    }

    public override BsonValue Result() => _value;
}
