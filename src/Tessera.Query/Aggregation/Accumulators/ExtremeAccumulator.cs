using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Expressions;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>$min and $max by MongoDB's order, ignoring null and missing; null when nothing else was seen.</summary>
internal sealed class ExtremeAccumulator(bool max) : Accumulator
{
    private BsonValue? _best;

    public override void Add(BsonValue? value)
    {
        if (ExpressionValues.IsNullish(value))
        {
            return;
        }

        if (_best is null)
        {
            _best = value;
            return;
        }

        var order = BsonValueComparer.Instance.Compare(value!, _best);
        if (max ? order > 0 : order < 0)
        {
            _best = value;
        }
    }

    public override BsonValue Result() => _best ?? BsonNull.Value;
}
