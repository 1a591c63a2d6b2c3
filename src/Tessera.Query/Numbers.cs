using System.Globalization;
using System.Numerics;
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

    /// <summary>Truncates toward zero; false for NaN, infinities and values outside the long range (mongod's representAs).</summary>
    public static bool TryTruncateToLongInRange(BsonValue number, out long result)
    {
        if (number.BsonType is BsonType.Int32 or BsonType.Int64)
        {
            result = number.ToInt64();
            return true;
        }

        var truncated = Math.Truncate(ToDouble(number));
        if (double.IsNaN(truncated) || truncated >= 9.2233720368547758E18 || truncated < -9.2233720368547758E18)
        {
            result = 0;
            return false;
        }

        result = (long)truncated;
        return true;
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

        if (value == 0)
        {
            return Decimal128.Zero;
        }

        // mongod's Decimal128(double) quantizes the exact binary value to exactly 15 significant digits,
        // keeping trailing zeros: 0.5 becomes 0.500000000000000.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent2 = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent2 == 0)
        {
            exponent2 = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent2 -= 1075;
        var exponent10 = (int)Math.Floor(Math.Log10(Math.Abs(value))) - 14;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var numerator = new BigInteger(mantissa) * BigInteger.Pow(2, Math.Max(exponent2, 0)) * BigInteger.Pow(10, Math.Max(-exponent10, 0));
            var denominator = BigInteger.Pow(2, Math.Max(-exponent2, 0)) * BigInteger.Pow(10, Math.Max(exponent10, 0));
            var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !quotient.IsEven))
            {
                quotient += 1;
            }

            if (quotient >= TenToThe15)
            {
                exponent10++;
                continue;
            }

            if (quotient < TenToThe14)
            {
                exponent10--;
                continue;
            }

            var text = (value < 0 ? "-" : string.Empty) + quotient.ToString(CultureInfo.InvariantCulture) + "E" + exponent10.ToString(CultureInfo.InvariantCulture);
            return Decimal128.Parse(text);
        }

        return Decimal128.Parse(value.ToString("R", CultureInfo.InvariantCulture));
    }

    private static readonly BigInteger TenToThe15 = BigInteger.Pow(10, 15);
    private static readonly BigInteger TenToThe14 = BigInteger.Pow(10, 14);

    /// <summary>Whether an integral value fits a 32-bit int (for mongod's int32 results).</summary>
    public static bool FitsInt32(long value) => value is >= int.MinValue and <= int.MaxValue;
}
