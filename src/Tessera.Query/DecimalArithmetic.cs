using System.Globalization;
using System.Numerics;
using MongoDB.Bson;

namespace Tessera.Query;

/// <summary>
/// IEEE 754-2008 decimal128 arithmetic (34 significant digits, round half to even), which MongoDB.Bson
/// does not provide: exact big-integer arithmetic on significand and exponent, rounded once.
/// </summary>
internal static class DecimalArithmetic
{
    private const int Precision = 34;

    private readonly record struct Finite(BigInteger Significand, int Exponent);

    public static Decimal128 Add(Decimal128 left, Decimal128 right)
    {
        if (Special(left, right, out var special, negateRight: false))
        {
            return special;
        }

        return AddFinite(Decompose(left), Decompose(right));
    }

    public static Decimal128 Subtract(Decimal128 left, Decimal128 right)
    {
        if (Special(left, right, out var special, negateRight: true))
        {
            return special;
        }

        var r = Decompose(right);
        return AddFinite(Decompose(left), r with { Significand = -r.Significand });
    }

    public static Decimal128 Multiply(Decimal128 left, Decimal128 right)
    {
        if (Decimal128.IsNaN(left) || Decimal128.IsNaN(right))
        {
            return Decimal128.QNaN;
        }

        if (Decimal128.IsInfinity(left) || Decimal128.IsInfinity(right))
        {
            if (Decimal128.IsZero(left) || Decimal128.IsZero(right))
            {
                return Decimal128.QNaN;
            }

            return Decimal128.IsNegative(left) ^ Decimal128.IsNegative(right) ? Decimal128.NegativeInfinity : Decimal128.PositiveInfinity;
        }

        var l = Decompose(left);
        var r = Decompose(right);
        return Build(l.Significand * r.Significand, l.Exponent + r.Exponent);
    }

    /// <summary>Callers reject a zero divisor first, as mongod does.</summary>
    public static Decimal128 Divide(Decimal128 left, Decimal128 right)
    {
        if (Decimal128.IsNaN(left) || Decimal128.IsNaN(right) || (Decimal128.IsInfinity(left) && Decimal128.IsInfinity(right)))
        {
            return Decimal128.QNaN;
        }

        var negative = Decimal128.IsNegative(left) ^ Decimal128.IsNegative(right);
        if (Decimal128.IsInfinity(left))
        {
            return negative ? Decimal128.NegativeInfinity : Decimal128.PositiveInfinity;
        }

        if (Decimal128.IsInfinity(right))
        {
            return Decimal128.Zero;
        }

        var l = Decompose(left);
        var r = Decompose(right);
        var idealExponent = l.Exponent - r.Exponent;

        // Scale the dividend so the quotient has more digits than the precision, then round once.
        var scale = Precision + 2 + Math.Max(0, DigitCount(r.Significand) - DigitCount(l.Significand));
        var dividend = l.Significand * BigInteger.Pow(10, scale);
        var quotient = BigInteger.DivRem(dividend, r.Significand, out var remainder);
        var exponent = idealExponent - scale;
        if (remainder.IsZero)
        {
            // Exact: drop trailing zeros back toward the ideal exponent.
            while (exponent < idealExponent && !quotient.IsZero && (quotient % 10).IsZero)
            {
                quotient /= 10;
                exponent++;
            }

            if (quotient.IsZero)
            {
                exponent = idealExponent;
            }

            return Build(quotient, exponent);
        }

        // Inexact: one sticky digit keeps round-half-even correct.
        quotient = quotient * 10 + (remainder.Sign * r.Significand.Sign > 0 ? 1 : -1);
        return Build(quotient, exponent - 1);
    }

    private static bool Special(Decimal128 left, Decimal128 right, out Decimal128 result, bool negateRight)
    {
        result = default;
        if (Decimal128.IsNaN(left) || Decimal128.IsNaN(right))
        {
            result = Decimal128.QNaN;
            return true;
        }

        var leftInfinite = Decimal128.IsInfinity(left);
        var rightInfinite = Decimal128.IsInfinity(right);
        if (!leftInfinite && !rightInfinite)
        {
            return false;
        }

        var rightNegative = Decimal128.IsNegative(right) ^ negateRight;
        if (leftInfinite && rightInfinite)
        {
            result = Decimal128.IsNegative(left) == rightNegative ? left : Decimal128.QNaN;
            return true;
        }

        result = leftInfinite ? left : rightNegative ? Decimal128.NegativeInfinity : Decimal128.PositiveInfinity;
        return true;
    }

    private static Decimal128 AddFinite(Finite left, Finite right)
    {
        var exponent = Math.Min(left.Exponent, right.Exponent);
        var sum = left.Significand * BigInteger.Pow(10, left.Exponent - exponent) + right.Significand * BigInteger.Pow(10, right.Exponent - exponent);
        return Build(sum, exponent);
    }

    private static Finite Decompose(Decimal128 value)
    {
        var significand = (new BigInteger(Decimal128.GetSignificandHighBits(value)) << 64) | new BigInteger(Decimal128.GetSignificandLowBits(value));
        return new Finite(Decimal128.IsNegative(value) ? -significand : significand, Decimal128.GetExponent(value));
    }

    private static int DigitCount(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;

    private const int MaxExponent = 6111;
    private const int MinExponent = -6176;

    /// <summary>
    /// Rounds to 34 digits, half to even, and builds the decimal; beyond the exponent range the result
    /// is clamped (trailing zeros added), rounded toward a subnormal or zero, or infinite, as IEEE 754.
    /// </summary>
    private static Decimal128 Build(BigInteger significand, int exponent)
    {
        var negative = significand.Sign < 0;
        var magnitude = BigInteger.Abs(significand);
        var excess = Math.Max(DigitCount(magnitude) - Precision, MinExponent - exponent);
        if (excess > 0)
        {
            magnitude = RoundHalfEven(magnitude, excess);
            exponent += excess;
            if (DigitCount(magnitude) > Precision)
            {
                magnitude = RoundHalfEven(magnitude, 1);
                exponent++;
            }
        }

        while (exponent > MaxExponent && !magnitude.IsZero && DigitCount(magnitude) < Precision)
        {
            magnitude *= 10;
            exponent--;
        }

        if (exponent > MaxExponent)
        {
            if (!magnitude.IsZero)
            {
                return negative ? Decimal128.NegativeInfinity : Decimal128.PositiveInfinity;
            }

            exponent = MaxExponent;
        }

        var text = (negative ? "-" : string.Empty) + magnitude.ToString(CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        return Decimal128.Parse(text);
    }

    private static BigInteger RoundHalfEven(BigInteger magnitude, int digits)
    {
        var divisor = BigInteger.Pow(10, digits);
        var quotient = BigInteger.DivRem(magnitude, divisor, out var remainder);
        var twice = remainder * 2;
        return twice > divisor || (twice == divisor && !quotient.IsEven) ? quotient + 1 : quotient;
    }
}
