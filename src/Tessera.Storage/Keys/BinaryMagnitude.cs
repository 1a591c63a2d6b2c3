using System.Numerics;

namespace Tessera.Storage.Keys;

/// <summary>
/// The exact magnitude of a finite, non-zero number written as 1.f × 2^<see cref="Exponent"/>:
/// the one representation in which int64, double and decimal128 values can be compared bit for bit.
/// Comparing a long with a double through either type's arithmetic loses precision (2^53 + 1 as
/// a long is not 2^53 as a double); this form never rounds an int64 or a double.
/// </summary>
/// <remarks>
/// <see cref="Significand"/> holds the leading 1 in bit 127 and up to 127 fraction bits below it,
/// enough for any int64 (63 bits) or double (53 bits). A decimal128 whose binary expansion is longer
/// (0.1 never terminates in binary) keeps its first 128 significant bits and sets
/// <see cref="HasMoreBits"/>. That still orders decimal128 values exactly: two distinct decimal128
/// values (at most 34 digits) differ by at least one part in 10^34 ≈ 2^-113 of the larger, so they
/// differ within the first 128 bits, and an exact value with at most 128 bits can never fall between
/// a truncated expansion and the real value it stands for.
/// </remarks>
internal readonly record struct BinaryMagnitude(int Exponent, UInt128 Significand, bool HasMoreBits)
{
    private const int SignificandBits = 128;

    /// <summary>The magnitude of <paramref name="integer"/> × 2^<paramref name="powerOfTwo"/>.</summary>
    public static BinaryMagnitude FromInteger(ulong integer, int powerOfTwo)
    {
        if (integer == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(integer), "Zero has no binary exponent.");
        }

        var highestBit = 63 - BitOperations.LeadingZeroCount(integer);
        var significand = (UInt128)integer << (SignificandBits - 1 - highestBit);
        return new BinaryMagnitude(highestBit + powerOfTwo, significand, HasMoreBits: false);
    }

    /// <summary>The magnitude of a finite, non-zero double, exactly.</summary>
    public static BinaryMagnitude FromDouble(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biasedExponent = (int)((bits >> 52) & 0x7FF);
        var fraction = (ulong)bits & ((1UL << 52) - 1);
        return biasedExponent == 0
            ? FromInteger(fraction, -1074) // subnormal: no implicit leading 1
            : FromInteger(fraction | (1UL << 52), biasedExponent - 1075);
    }

    /// <summary>The magnitude of the positive rational <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static BinaryMagnitude FromRational(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.Sign <= 0 || denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), "Only positive rationals have a magnitude here.");
        }

        // 2^(t-1) < n/d < 2^(t+1) for t = bitLength(n) - bitLength(d); one comparison settles which.
        var exponent = (int)(numerator.GetBitLength() - denominator.GetBitLength());
        if (!IsAtLeastPowerOfTwo(numerator, denominator, exponent))
        {
            exponent--;
        }

        // Scale so that the quotient has exactly 128 bits: 2^127 <= n/d × 2^(127-e) < 2^128.
        var shift = SignificandBits - 1 - exponent;
        var scaledNumerator = shift >= 0 ? numerator << shift : numerator;
        var scaledDenominator = shift >= 0 ? denominator : denominator << -shift;
        var quotient = BigInteger.DivRem(scaledNumerator, scaledDenominator, out var remainder);
        return new BinaryMagnitude(exponent, (UInt128)quotient, HasMoreBits: !remainder.IsZero);
    }

    private static bool IsAtLeastPowerOfTwo(BigInteger numerator, BigInteger denominator, int exponent) =>
        exponent >= 0
            ? numerator >= denominator << exponent
            : numerator << -exponent >= denominator;
}
