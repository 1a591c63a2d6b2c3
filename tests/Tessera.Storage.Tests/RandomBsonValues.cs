using System.Globalization;
using MongoDB.Bson;

namespace Tessera.Storage.Tests;

/// <summary>
/// Deterministic (seeded) BSON values of every type, biased toward the cases that break orderings:
/// the same number in four types, neighbours of 2^53 and 2^63, NaN and infinities, -0.0,
/// subnormals, decimals that are not doubles, strings that are prefixes of each other or hold \0
/// and characters outside the BMP, nested documents and arrays. A null result is a missing field.
/// </summary>
public sealed class RandomBsonValues(int seed)
{
    private static readonly string[] StringPieces = ["", "a", "b", "ab", "\0", "\u0001", "é", "\uFFFF", "\U0001F600", "Z", "\u007F"];
    private static readonly string[] FieldNames = ["a", "b", "ab", "_id", "", "é"];

    private static readonly double[] SpecialDoubles =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
        double.MaxValue, double.MinValue, 0.1, 0.5, 1.0, -1.0, 9007199254740992.0, 9007199254740994.0,
        9223372036854775808.0, -9223372036854775808.0, 1e-300, 2.2250738585072014E-308,
    ];

    private static readonly long[] SpecialLongs =
    [
        0, 1, -1, 2, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1,
        9007199254740992, 9007199254740993, -9007199254740993, 1L << 62, int.MaxValue, int.MinValue,
    ];

    private static readonly string[] SpecialDecimals =
    [
        "0", "-0", "0E+300", "1", "1.0", "1.000", "-1", "0.1", "0.5", "0.25", "NaN", "Infinity", "-Infinity",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "1E+6144", "-1E+6144", "1E-6176",
        "9.999999999999999999999999999999999E+6144", "0.1000000000000000055511151231257827",
        "0.1000000000000000055511151231257828", "1.000000000000000000000000000000001",
        "0.9999999999999999999999999999999999",
    ];

    private readonly Random _random = new(seed);

    public BsonValue? Next(int depth = 2)
    {
        switch (_random.Next(22))
        {
            case 0: return null;
            case 1: return BsonNull.Value;
            case 2: return BsonUndefined.Value;
            case 3: return BsonMinKey.Value;
            case 4: return BsonMaxKey.Value;
            case 5 or 6 or 7 or 8: return NextNumber();
            case 9 or 10: return _random.Next(5) == 0 ? BsonSymbol.Create(NextString()) : new BsonString(NextString());
            case 11 or 12: return depth > 0 ? NextDocument(depth - 1) : new BsonDocument();
            case 13: return depth > 0 ? NextArray(depth - 1) : new BsonArray();
            case 14: return NextBinary();
            case 15: return NextObjectId();
            case 16: return _random.Next(2) == 0 ? BsonBoolean.False : BsonBoolean.True;
            case 17: return new BsonDateTime(Pick(SpecialLongs.Concat([_random.NextInt64(), _random.Next(-5, 5)]).ToArray()));
            case 18: return new BsonTimestamp(Pick(SpecialLongs.Concat([_random.NextInt64(), -_random.NextInt64()]).ToArray()));
            case 19: return new BsonRegularExpression(NextString().Replace("\0", "", StringComparison.Ordinal), Pick(["", "i", "im", "s"]));
            case 20: return new BsonJavaScript(NextString());
            default: return depth > 0 ? new BsonJavaScriptWithScope(NextString(), NextDocument(depth - 1)) : new BsonJavaScript("x");
        }
    }

    /// <summary>Values MongoDB accepts as an _id: no arrays, regexes, undefined or missing.</summary>
    public BsonValue NextId()
    {
        while (true)
        {
            var value = Next();
            if (value is not null && value.BsonType is not (BsonType.Array or BsonType.RegularExpression or BsonType.Undefined))
            {
                return value;
            }
        }
    }

    public BsonValue NextNumber()
    {
        // Pick a value, then a type that can hold it, so equal values meet in different types.
        switch (_random.Next(6))
        {
            case 0:
                return AsAnyType(_random.Next(-4, 5));
            case 1:
                return AsAnyType(Pick(SpecialLongs));
            case 2:
                return new BsonDouble(Pick(SpecialDoubles));
            case 3:
                return new BsonDouble(BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue)));
            case 4:
                return new BsonDecimal128(Decimal128.Parse(Pick(SpecialDecimals)));
            default:
                var coefficient = _random.NextInt64(-999_999_999_999, 999_999_999_999);
                var exponent = _random.Next(-30, 30);
                return new BsonDecimal128(Decimal128.Parse(
                    string.Create(CultureInfo.InvariantCulture, $"{coefficient}E{exponent}")));
        }
    }

    private BsonValue AsAnyType(long value)
    {
        var exactDouble = (double)value;
        var doubleIsExact = exactDouble is > -9223372036854775808.0 and < 9223372036854775808.0 && (long)exactDouble == value;
        return _random.Next(4) switch
        {
            0 when value is >= int.MinValue and <= int.MaxValue => new BsonInt32((int)value),
            1 when doubleIsExact => new BsonDouble(exactDouble),
            2 => new BsonDecimal128(Decimal128.Parse(value.ToString(CultureInfo.InvariantCulture))),
            _ => new BsonInt64(value),
        };
    }

    private string NextString()
    {
        var count = _random.Next(4);
        return string.Concat(Enumerable.Range(0, count).Select(_ => Pick(StringPieces)));
    }

    private BsonDocument NextDocument(int depth)
    {
        var document = new BsonDocument();
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(FieldNames);
            var value = Next(depth) ?? BsonNull.Value;
            if (!document.Contains(name))
            {
                document.Add(name, value);
            }
        }

        return document;
    }

    private BsonArray NextArray(int depth)
    {
        var array = new BsonArray();
        var count = _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            array.Add(Next(depth) ?? BsonNull.Value);
        }

        return array;
    }

    private BsonBinaryData NextBinary()
    {
        var bytes = Enumerable.Range(0, _random.Next(4)).Select(_ => Pick(new byte[] { 0, 1, 0x7F, 0x80, 0xFF })).ToArray();
        var subType = Pick(new[] { BsonBinarySubType.Binary, BsonBinarySubType.Function, BsonBinarySubType.MD5, BsonBinarySubType.UserDefined });
        return new BsonBinaryData(bytes, subType);
    }

    private BsonObjectId NextObjectId()
    {
        var bytes = new byte[12];
        if (_random.Next(3) > 0)
        {
            bytes[_random.Next(12)] = Pick(new byte[] { 1, 0x80, 0xFF });
        }
        else
        {
            _random.NextBytes(bytes);
        }

        return new BsonObjectId(new ObjectId(bytes));
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];
}
