using System.Numerics;
using MongoDB.Bson;

namespace Tessera.Storage.Keys;

/// <summary>
/// Writes the body of a number key so that int32, int64, double and decimal128 values order by
/// their exact value and equal values (1, 1L, 1.0, 1.00m) encode to the same bytes.
/// </summary>
/// <remarks>
/// Layout after the number class byte, for a finite non-zero value 1.f × 2^e:
/// two bytes of e + 0x8000 (big-endian), then the fraction bits f seven at a time, each byte
/// holding seven bits and, in its lowest bit, 1 if more fraction bits follow. Trailing zero bits
/// are not written, so a fraction that ends early sorts below one that goes on (its missing bits
/// are zeros; the other has a 1 somewhere later), and the last byte always ends the number.
/// A negative value writes the same bytes inverted, which reverses their order.
/// </remarks>
internal static class NumberKeyWriter
{
    private const int ExponentBias = 0x8000;
    private const int BitsPerGroup = 7;

    public static void Write(KeyBuffer buffer, BsonValue number)
    {
        switch (number.BsonType)
        {
            case BsonType.Int32:
                WriteInteger(buffer, number.AsInt32);
                break;
            case BsonType.Int64:
                WriteInteger(buffer, number.AsInt64);
                break;
            case BsonType.Double:
                WriteDouble(buffer, number.AsDouble);
                break;
            case BsonType.Decimal128:
                WriteDecimal(buffer, number.AsDecimal128);
                break;
            default:
                throw new ArgumentException($"{number.BsonType} is not a number.", nameof(number));
        }
    }

    private static void WriteInteger(KeyBuffer buffer, long value)
    {
        if (value == 0)
        {
            buffer.Append(NumberClass.Zero);
            return;
        }

        // 0 - (ulong)value is the magnitude even for long.MinValue, whose negation overflows a long.
        var magnitude = value < 0 ? 0UL - (ulong)value : (ulong)value;
        WriteFinite(buffer, value < 0, BinaryMagnitude.FromInteger(magnitude, 0));
    }

    private static void WriteDouble(KeyBuffer buffer, double value)
    {
        if (double.IsNaN(value))
        {
            buffer.Append(NumberClass.NaN);
        }
        else if (double.IsInfinity(value))
        {
            buffer.Append(value < 0 ? NumberClass.NegativeInfinity : NumberClass.PositiveInfinity);
        }
        else if (value == 0)
        {
            buffer.Append(NumberClass.Zero); // -0.0 == 0.0
        }
        else
        {
            WriteFinite(buffer, value < 0, BinaryMagnitude.FromDouble(Math.Abs(value)));
        }
    }

    private static void WriteDecimal(KeyBuffer buffer, Decimal128 value)
    {
        if (Decimal128.IsNaN(value))
        {
            buffer.Append(NumberClass.NaN);
        }
        else if (Decimal128.IsInfinity(value))
        {
            buffer.Append(Decimal128.IsNegative(value) ? NumberClass.NegativeInfinity : NumberClass.PositiveInfinity);
        }
        else if (Decimal128.IsZero(value))
        {
            buffer.Append(NumberClass.Zero);
        }
        else
        {
            WriteFinite(buffer, Decimal128.IsNegative(value), DecimalMagnitude(value));
        }
    }

    private static BinaryMagnitude DecimalMagnitude(Decimal128 value)
    {
        var coefficient = ((BigInteger)Decimal128.GetSignificandHighBits(value) << 64)
            | Decimal128.GetSignificandLowBits(value);
        int exponent = Decimal128.GetExponent(value);
        return exponent >= 0
            ? BinaryMagnitude.FromRational(coefficient * BigInteger.Pow(10, exponent), BigInteger.One)
            : BinaryMagnitude.FromRational(coefficient, BigInteger.Pow(10, -exponent));
    }

    private static void WriteFinite(KeyBuffer buffer, bool negative, BinaryMagnitude magnitude)
    {
        buffer.Append(negative ? NumberClass.NegativeFinite : NumberClass.PositiveFinite);
        var start = buffer.Length;

        var biasedExponent = magnitude.Exponent + ExponentBias;
        buffer.Append((byte)(biasedExponent >> 8));
        buffer.Append((byte)biasedExponent);

        // Drop the implicit leading 1; a truncated decimal expansion becomes a final 1 bit, which
        // places it just above its truncation and below the next value with at most 128 bits.
        var fraction = (magnitude.Significand << 1) | (magnitude.HasMoreBits ? UInt128.One : UInt128.Zero);
        do
        {
            var group = (byte)(fraction >> (128 - BitsPerGroup));
            fraction <<= BitsPerGroup;
            var more = fraction != UInt128.Zero;
            buffer.Append((byte)((group << 1) | (more ? 1 : 0)));
        }
        while (fraction != UInt128.Zero);

        if (negative)
        {
            buffer.InvertFrom(start);
        }
    }
}
