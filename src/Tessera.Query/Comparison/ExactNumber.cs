using System.Globalization;
using System.Numerics;
using MongoDB.Bson;

namespace Tessera.Query.Comparison;

/// <summary>
/// Exact comparison and hashing of BSON numbers across int32, int64, double and decimal128.
/// mongod compares a decimal with a double by their exact values (NumberDecimal("0.1") is not 0.1, which is
/// 0.1000000000000000055…), so no lossy conversion may be used; every finite value is written as
/// <c>n · 2^p2 · 10^p10</c> and compared with big integers when the fast paths do not apply.
/// NaN is equal to NaN and below every other number.
/// </summary>
internal static class ExactNumber
{
    public static int Compare(BsonValue left, BsonValue right)
    {
        switch (left.BsonType, right.BsonType)
        {
            case (BsonType.Int32 or BsonType.Int64, BsonType.Int32 or BsonType.Int64):
                return left.ToInt64().CompareTo(right.ToInt64());
            case (BsonType.Double, BsonType.Double):
                return CompareDoubles(left.AsDouble, right.AsDouble);
            case (BsonType.Int32 or BsonType.Int64, BsonType.Double):
                return CompareLongWithDouble(left.ToInt64(), right.AsDouble);
            case (BsonType.Double, BsonType.Int32 or BsonType.Int64):
                return -CompareLongWithDouble(right.ToInt64(), left.AsDouble);
            default:
                return CompareGeneral(Classify(left), Classify(right));
        }
    }

    /// <summary>A hash equal for every pair of numbers that <see cref="Compare"/> finds equal.</summary>
    public static int Hash(BsonValue number)
    {
        switch (number.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
                return number.ToInt64().GetHashCode();
            case BsonType.Double:
                return HashDouble(number.AsDouble);
            default:
                var d = number.AsDecimal128;
                if (Decimal128.IsNaN(d))
                {
                    return double.NaN.GetHashCode();
                }

                if (Decimal128.IsInfinity(d))
                {
                    return (Decimal128.IsNegative(d) ? double.NegativeInfinity : double.PositiveInfinity).GetHashCode();
                }

                if (TryGetExactLong(ClassifyDecimal(d), out var integral))
                {
                    return integral.GetHashCode();
                }

                // An exact decimal equal to some double converts to exactly that double: parsing rounds correctly.
                return HashDouble(double.Parse(d.ToString(), CultureInfo.InvariantCulture));
        }
    }

    private static bool TryGetExactLong(Classified number, out long value)
    {
        value = 0;
        var integral = number.Significand;
        if (number.PowerOfTen >= 0)
        {
            if (number.PowerOfTen > 19 && !integral.IsZero)
            {
                return false;
            }

            integral *= BigInteger.Pow(10, number.PowerOfTen);
        }
        else
        {
            var divisor = BigInteger.Pow(10, -number.PowerOfTen);
            integral = BigInteger.DivRem(integral, divisor, out var remainder);
            if (!remainder.IsZero)
            {
                return false;
            }
        }

        if (integral < long.MinValue || integral > long.MaxValue)
        {
            return false;
        }

        value = (long)integral;
        return true;
    }

    private static int HashDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return double.NaN.GetHashCode();
        }

        if (value == Math.Floor(value) && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18)
        {
            return ((long)value).GetHashCode();
        }

        return value.GetHashCode();
    }

    private static int CompareDoubles(double left, double right)
    {
        if (double.IsNaN(left))
        {
            return double.IsNaN(right) ? 0 : -1;
        }

        if (double.IsNaN(right))
        {
            return 1;
        }

        return left.CompareTo(right);
    }

    private static int CompareLongWithDouble(long left, double right)
    {
        if (double.IsNaN(right))
        {
            return 1;
        }

        // 2^63 is exactly representable; every long is below it and at or above -2^63.
        if (right >= 9.2233720368547758E18)
        {
            return -1;
        }

        if (right < -9.2233720368547758E18)
        {
            return 1;
        }

        var whole = Math.Truncate(right);
        var wholeAsLong = (long)whole;
        var byWhole = left.CompareTo(wholeAsLong);
        return byWhole != 0 ? byWhole : 0.0.CompareTo(right - whole);
    }

    private enum Kind
    {
        NaN,
        NegativeInfinity,
        Finite,
        PositiveInfinity,
    }

    private readonly record struct Classified(Kind Kind, BigInteger Significand, int PowerOfTwo, int PowerOfTen);

    private static Classified Classify(BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
                return new Classified(Kind.Finite, value.ToInt64(), 0, 0);
            case BsonType.Double:
                return ClassifyDouble(value.AsDouble);
            default:
                return ClassifyDecimal(value.AsDecimal128);
        }
    }

    private static Classified ClassifyDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return new Classified(Kind.NaN, 0, 0, 0);
        }

        if (double.IsInfinity(value))
        {
            return new Classified(value > 0 ? Kind.PositiveInfinity : Kind.NegativeInfinity, 0, 0, 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var significand = new BigInteger(mantissa);
        return new Classified(Kind.Finite, negative ? -significand : significand, exponent - 1075, 0);
    }

    private static Classified ClassifyDecimal(Decimal128 value)
    {
        if (Decimal128.IsNaN(value))
        {
            return new Classified(Kind.NaN, 0, 0, 0);
        }

        if (Decimal128.IsInfinity(value))
        {
            return new Classified(Decimal128.IsNegative(value) ? Kind.NegativeInfinity : Kind.PositiveInfinity, 0, 0, 0);
        }

        var high = Decimal128.GetSignificandHighBits(value);
        var low = Decimal128.GetSignificandLowBits(value);
        var significand = (new BigInteger(high) << 64) | new BigInteger(low);
        if (Decimal128.IsNegative(value))
        {
            significand = -significand;
        }

        return new Classified(Kind.Finite, significand, 0, Decimal128.GetExponent(value));
    }

    private static int CompareGeneral(Classified left, Classified right)
    {
        if (left.Kind != Kind.Finite || right.Kind != Kind.Finite)
        {
            return left.Kind.CompareTo(right.Kind) switch
            {
                < 0 => -1,
                > 0 => 1,
                _ => 0,
            };
        }

        var leftSign = left.Significand.Sign;
        var rightSign = right.Significand.Sign;
        if (leftSign != rightSign)
        {
            return leftSign.CompareTo(rightSign);
        }

        if (leftSign == 0)
        {
            return 0;
        }

        var commonTwo = Math.Min(left.PowerOfTwo, right.PowerOfTwo);
        var commonTen = Math.Min(left.PowerOfTen, right.PowerOfTen);
        var leftScaled = Scale(left, commonTwo, commonTen);
        var rightScaled = Scale(right, commonTwo, commonTen);
        return leftScaled.CompareTo(rightScaled);
    }

    private static BigInteger Scale(Classified number, int commonTwo, int commonTen) =>
        number.Significand * BigInteger.Pow(2, number.PowerOfTwo - commonTwo) * BigInteger.Pow(10, number.PowerOfTen - commonTen);
}
