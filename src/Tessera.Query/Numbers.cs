using System.Globalization;
using MongoDB.Bson;

namespace Tessera.Query;

/// <summary>Conversions of BSON numbers that several operators share.</summary>
internal static class Numbers
{
    public static bool IsNumber(BsonValue? value) => value is not null && Comparison.BsonTypeOrder.IsNumber(value);

    /// <summary>Truncates toward zero, saturating at the long range; false for NaN and infinities.</summary>
    public static bool TryTruncateToLong(BsonValue number, out long result)
    {
        switch (number.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
                result = number.ToInt64();
                return true;
            case BsonType.Double:
                return TryTruncate(number.AsDouble, out result);
            case BsonType.Decimal128:
                var d = number.AsDecimal128;
                if (Decimal128.IsNaN(d) || Decimal128.IsInfinity(d))
                {
                    result = 0;
                    return false;
                }

                return TryTruncate(double.Parse(d.ToString(), CultureInfo.InvariantCulture), out result);
            default:
                result = 0;
                return false;
        }
    }

    private static bool TryTruncate(double value, out long result)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            result = 0;
            return false;
        }

        var truncated = Math.Truncate(value);
        result = truncated >= 9.2233720368547758E18 ? long.MaxValue : truncated <= -9.2233720368547758E18 ? long.MinValue : (long)truncated;
        return true;
    }

    public static double ToDouble(BsonValue number) => number.BsonType switch
    {
        BsonType.Int32 => number.AsInt32,
        BsonType.Int64 => number.AsInt64,
        BsonType.Double => number.AsDouble,
        BsonType.Decimal128 => ToDouble(number.AsDecimal128),
        _ => throw new InvalidOperationException($"{number.BsonType} is not a number"),
    };

    public static double ToDouble(Decimal128 value)
    {
        if (Decimal128.IsNaN(value))
        {
            return double.NaN;
        }

        if (Decimal128.IsInfinity(value))
        {
            return Decimal128.IsNegative(value) ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return double.Parse(value.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>The exact decimal of an integer or the correctly rounded decimal of a double, as mongod converts.</summary>
    public static Decimal128 ToDecimal(BsonValue number) => number.BsonType switch
    {
        BsonType.Int32 => new Decimal128(number.AsInt32),
        BsonType.Int64 => new Decimal128(number.AsInt64),
        BsonType.Double => DoubleToDecimal(number.AsDouble),
        BsonType.Decimal128 => number.AsDecimal128,
        _ => throw new InvalidOperationException($"{number.BsonType} is not a number"),
    };

    private static Decimal128 DoubleToDecimal(double value)
    {
        if (double.IsNaN(value))
        {
            return Decimal128.QNaN;
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? Decimal128.PositiveInfinity : Decimal128.NegativeInfinity;
        }

        // mongod converts a double to decimal with 15 significant digits (Decimal128(double, kRoundTo15Digits)).
        return Decimal128.Parse(value.ToString("G15", CultureInfo.InvariantCulture));
    }

    /// <summary>Whether an integral value fits a 32-bit int (for mongod's int32 results).</summary>
    public static bool FitsInt32(long value) => value is >= int.MinValue and <= int.MaxValue;
}
