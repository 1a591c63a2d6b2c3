using MongoDB.Bson;

namespace Tessera.Query;

/// <summary>
/// Addition and multiplication of BSON numbers with mongod's type rules: the result has the widest type of
/// the operands (int &lt; long &lt; double &lt; decimal); an int result that overflows becomes a long.
/// A long overflow is reported as null so that updates can refuse it ($inc, $mul) while aggregation
/// continues in double, as mongod does.
/// </summary>
internal static class Arithmetic
{
    public static BsonValue? Add(BsonValue left, BsonValue right) => Apply(left, right, multiply: false);

    public static BsonValue? Multiply(BsonValue left, BsonValue right) => Apply(left, right, multiply: true);

    /// <summary>Aggregation's rule: long overflow continues in double.</summary>
    public static BsonValue AddOrPromote(BsonValue left, BsonValue right) =>
        Add(left, right) ?? new BsonDouble(Numbers.ToDouble(left) + Numbers.ToDouble(right));

    public static BsonValue MultiplyOrPromote(BsonValue left, BsonValue right) =>
        Multiply(left, right) ?? new BsonDouble(Numbers.ToDouble(left) * Numbers.ToDouble(right));

    private static BsonValue? Apply(BsonValue left, BsonValue right, bool multiply)
    {
        if (left.BsonType == BsonType.Decimal128 || right.BsonType == BsonType.Decimal128)
        {
            var l = Numbers.ToDecimal(left);
            var r = Numbers.ToDecimal(right);
            return new BsonDecimal128(multiply ? DecimalArithmetic.Multiply(l, r) : DecimalArithmetic.Add(l, r));
        }

        if (left.BsonType == BsonType.Double || right.BsonType == BsonType.Double)
        {
            var l = Numbers.ToDouble(left);
            var r = Numbers.ToDouble(right);
            return new BsonDouble(multiply ? l * r : l + r);
        }

        var a = left.ToInt64();
        var b = right.ToInt64();
        long result;
        try
        {
            result = checked(multiply ? a * b : a + b);
        }
        catch (OverflowException)
        {
            return null;
        }

        var bothInt = left.BsonType == BsonType.Int32 && right.BsonType == BsonType.Int32;
        return bothInt && Numbers.FitsInt32(result) ? new BsonInt32((int)result) : new BsonInt64(result);
    }
}
