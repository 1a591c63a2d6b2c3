using System.Globalization;
using System.Numerics;
using System.Text;
using MongoDB.Bson;

namespace Tessera.Storage.Tests;

/// <summary>
/// MongoDB's comparison order written directly from its documentation ("Comparison/Sort Order")
/// and mongod's BSONElement comparison, independently of the key encoding: types by canonical
/// rank, numbers by exact rational value (cross-multiplied big integers), strings by UTF-8 bytes,
/// documents field by field (type, then name, then value). A null reference is a missing field.
/// </summary>
public sealed class MongoOrderReference : IComparer<BsonValue?>
{
    public static readonly MongoOrderReference Instance = new();

    public int Compare(BsonValue? x, BsonValue? y)
    {
        var rank = Rank(x).CompareTo(Rank(y));
        if (rank != 0 || x is null || y is null)
        {
            return rank;
        }

        return Rank(x) switch
        {
            3 => CompareNumbers(x, y),
            4 => CompareUtf8(StringOf(x), StringOf(y)),
            5 => CompareDocuments(x.AsBsonDocument, y.AsBsonDocument),
            6 => CompareArrays(x.AsBsonArray, y.AsBsonArray),
            7 => CompareBinary(x.AsBsonBinaryData, y.AsBsonBinaryData),
            8 => CompareBytes(x.AsObjectId.ToByteArray(), y.AsObjectId.ToByteArray()),
            9 => x.AsBoolean.CompareTo(y.AsBoolean),
            10 => x.AsBsonDateTime.MillisecondsSinceEpoch.CompareTo(y.AsBsonDateTime.MillisecondsSinceEpoch),
            11 => ((ulong)x.AsBsonTimestamp.Value).CompareTo((ulong)y.AsBsonTimestamp.Value),
            12 => Then(
                CompareUtf8(x.AsBsonRegularExpression.Pattern, y.AsBsonRegularExpression.Pattern),
                () => CompareUtf8(x.AsBsonRegularExpression.Options, y.AsBsonRegularExpression.Options)),
            13 => CompareUtf8(x.AsBsonJavaScript.Code, y.AsBsonJavaScript.Code),
            14 => Then(
                CompareUtf8(x.AsBsonJavaScriptWithScope.Code, y.AsBsonJavaScriptWithScope.Code),
                () => CompareDocuments(x.AsBsonJavaScriptWithScope.Scope, y.AsBsonJavaScriptWithScope.Scope)),
            _ => 0, // MinKey, null, MaxKey: one value each
        };
    }

    public static int Rank(BsonValue? value) => value?.BsonType switch
    {
        BsonType.MinKey => 1,
        null or BsonType.Null or BsonType.Undefined => 2,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => 3,
        BsonType.String or BsonType.Symbol => 4,
        BsonType.Document => 5,
        BsonType.Array => 6,
        BsonType.Binary => 7,
        BsonType.ObjectId => 8,
        BsonType.Boolean => 9,
        BsonType.DateTime => 10,
        BsonType.Timestamp => 11,
        BsonType.RegularExpression => 12,
        BsonType.JavaScript => 13,
        BsonType.JavaScriptWithScope => 14,
        BsonType.MaxKey => 20,
        var other => throw new ArgumentException($"no rank for {other}"),
    };

    private static int Then(int first, Func<int> second) => first != 0 ? first : second();

    private static string StringOf(BsonValue value) =>
        value.BsonType == BsonType.Symbol ? value.AsBsonSymbol.Name : value.AsString;

    private static int CompareUtf8(string x, string y) =>
        CompareBytes(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y));

    private static int CompareBytes(byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y);

    private int CompareDocuments(BsonDocument x, BsonDocument y)
    {
        for (var i = 0; ; i++)
        {
            if (i == x.ElementCount || i == y.ElementCount)
            {
                return x.ElementCount.CompareTo(y.ElementCount);
            }

            var (ex, ey) = (x.GetElement(i), y.GetElement(i));
            var c = Rank(ex.Value).CompareTo(Rank(ey.Value));
            if (c == 0)
            {
                c = CompareUtf8(ex.Name, ey.Name);
            }

            if (c == 0)
            {
                c = Compare(ex.Value, ey.Value);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }

    private int CompareArrays(BsonArray x, BsonArray y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = Compare(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static int CompareBinary(BsonBinaryData x, BsonBinaryData y)
    {
        var c = x.Bytes.Length.CompareTo(y.Bytes.Length);
        if (c == 0)
        {
            c = ((byte)x.SubType).CompareTo((byte)y.SubType);
        }

        return c != 0 ? c : CompareBytes(x.Bytes, y.Bytes);
    }

    private static int CompareNumbers(BsonValue x, BsonValue y)
    {
        var (a, b) = (ExactNumber.Of(x), ExactNumber.Of(y));
        var kind = a.Kind.CompareTo(b.Kind);
        if (kind != 0 || a.Kind != ExactNumber.Finite)
        {
            return kind;
        }

        return (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);
    }

    /// <summary>A number as NaN, an infinity, or an exact fraction with a positive denominator.</summary>
    private readonly record struct ExactNumber(int Kind, BigInteger Numerator, BigInteger Denominator)
    {
        public const int NaN = 0;
        public const int NegativeInfinity = 1;
        public const int Finite = 2;
        public const int PositiveInfinity = 3;

        public static ExactNumber Of(BsonValue value) => value.BsonType switch
        {
            BsonType.Int32 => new(Finite, value.AsInt32, BigInteger.One),
            BsonType.Int64 => new(Finite, value.AsInt64, BigInteger.One),
            BsonType.Double => OfDouble(value.AsDouble),
            _ => OfDecimalText(value.AsDecimal128.ToString()),
        };

        private static ExactNumber OfDouble(double d)
        {
            if (double.IsNaN(d))
            {
                return new(NaN, 0, 1);
            }

            if (double.IsInfinity(d))
            {
                return new(d < 0 ? NegativeInfinity : PositiveInfinity, 0, 1);
            }

            // A double is mantissa × 2^exponent exactly.
            var bits = BitConverter.DoubleToInt64Bits(d);
            var exponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = new BigInteger(bits & 0xFFFFFFFFFFFFFL);
            if (exponent == 0)
            {
                exponent = 1;
            }
            else
            {
                mantissa += BigInteger.One << 52;
            }

            if (bits < 0)
            {
                mantissa = -mantissa;
            }

            var power = exponent - 1075;
            return power >= 0
                ? new(Finite, mantissa << power, 1)
                : new(Finite, mantissa, BigInteger.One << -power);
        }

        /// <summary>Reads Decimal128's own text ("-1.25E+3", "NaN", "Infinity"), not its bits.</summary>
        private static ExactNumber OfDecimalText(string text)
        {
            switch (text)
            {
                case "NaN" or "-NaN":
                    return new(NaN, 0, 1);
                case "Infinity":
                    return new(PositiveInfinity, 0, 1);
                case "-Infinity":
                    return new(NegativeInfinity, 0, 1);
            }

            var exponent = 0;
            var e = text.IndexOfAny(['E', 'e']);
            if (e >= 0)
            {
                exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                text = text[..e];
            }

            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0)
            {
                exponent -= text.Length - dot - 1;
                text = text.Remove(dot, 1);
            }

            var coefficient = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return exponent >= 0
                ? new(Finite, coefficient * BigInteger.Pow(10, exponent), 1)
                : new(Finite, coefficient, BigInteger.Pow(10, -exponent));
        }
    }
}
