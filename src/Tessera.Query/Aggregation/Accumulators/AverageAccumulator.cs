using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>$avg: the mean of the numbers (a double, or a decimal when one is decimal); null without numbers.</summary>
internal sealed class AverageAccumulator : Accumulator
{
    private BsonValue _total = new BsonInt32(0);
    private long _count;

    public override void Add(BsonValue? value)
    {
        if (Numbers.IsNumber(value))
        {
            _total = Arithmetic.AddOrPromote(_total, value!);
            _count++;
        }
    }

    public override BsonValue Result()
    {
        if (_count == 0)
        {
            return BsonNull.Value;
        }

        return _total.BsonType == BsonType.Decimal128
            ? new BsonDecimal128(DecimalArithmetic.Divide(_total.AsDecimal128, new Decimal128(_count)))
            : new BsonDouble(Numbers.ToDouble(_total) / _count);
    }
}
