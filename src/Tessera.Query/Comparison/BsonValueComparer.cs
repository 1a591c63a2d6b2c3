using MongoDB.Bson;

namespace Tessera.Query.Comparison;

/// <summary>
/// MongoDB's total order over BSON values (simple collation): first by canonical type rank
/// (MinKey &lt; undefined &lt; null &lt; numbers &lt; strings &lt; documents &lt; arrays &lt; binary &lt; ObjectId
/// &lt; booleans &lt; dates &lt; timestamps &lt; regular expressions &lt; code &lt; MaxKey), then by value.
/// Equality and hashing agree with the order, so numbers of different types that are equal
/// (1, 1L, 1.0, NumberDecimal("1.0")) are one key in a set or a group.
/// </summary>
public sealed class BsonValueComparer : IComparer<BsonValue>, IEqualityComparer<BsonValue>
{
    public static readonly BsonValueComparer Instance = new();

    private BsonValueComparer()
    {
    }

    public int Compare(BsonValue? x, BsonValue? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byRank = BsonTypeOrder.RankOf(x).CompareTo(BsonTypeOrder.RankOf(y));
        return byRank != 0 ? Math.Sign(byRank) : CompareSameRank(x, y);
    }

    public bool Equals(BsonValue? x, BsonValue? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return Compare(x, y) == 0;
    }

    public int GetHashCode(BsonValue obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var rank = BsonTypeOrder.RankOf(obj);
        switch (obj.BsonType)
        {
            case BsonType.Int32:
            case BsonType.Int64:
            case BsonType.Double:
            case BsonType.Decimal128:
                return ExactNumber.Hash(obj);
            case BsonType.String:
            case BsonType.Symbol:
                return HashCode.Combine(rank, StringOf(obj));
            case BsonType.Document:
                var documentHash = new HashCode();
                foreach (var element in obj.AsBsonDocument)
                {
                    documentHash.Add(element.Name);
                    documentHash.Add(GetHashCode(element.Value));
                }

                return documentHash.ToHashCode();
            case BsonType.Array:
                var arrayHash = new HashCode();
                arrayHash.Add(rank);
                foreach (var item in obj.AsBsonArray)
                {
                    arrayHash.Add(GetHashCode(item));
                }

                return arrayHash.ToHashCode();
            default:
                return HashCode.Combine(rank, obj.GetHashCode());
        }
    }

    private int CompareSameRank(BsonValue x, BsonValue y)
    {
        switch (BsonTypeOrder.RankOf(x))
        {
            case BsonTypeOrder.MinKey:
            case BsonTypeOrder.MaxKey:
            case BsonTypeOrder.Undefined:
            case BsonTypeOrder.Null:
                return 0;
            case BsonTypeOrder.Number:
                return Math.Sign(ExactNumber.Compare(x, y));
            case BsonTypeOrder.String:
                return Utf8Order.Compare(StringOf(x), StringOf(y));
            case BsonTypeOrder.Document:
                return CompareDocuments(x.AsBsonDocument, y.AsBsonDocument);
            case BsonTypeOrder.Array:
                return CompareArrays(x.AsBsonArray, y.AsBsonArray);
            case BsonTypeOrder.Binary:
                return CompareBinary(x.AsBsonBinaryData, y.AsBsonBinaryData);
            case BsonTypeOrder.ObjectId:
                return Math.Sign(x.AsObjectId.CompareTo(y.AsObjectId));
            case BsonTypeOrder.Boolean:
                return x.AsBoolean.CompareTo(y.AsBoolean);
            case BsonTypeOrder.DateTime:
                return x.AsBsonDateTime.MillisecondsSinceEpoch.CompareTo(y.AsBsonDateTime.MillisecondsSinceEpoch);
            case BsonTypeOrder.Timestamp:
                // Timestamps are unsigned: (seconds, increment) as one 64-bit unsigned number.
                return ((ulong)x.AsBsonTimestamp.Value).CompareTo((ulong)y.AsBsonTimestamp.Value);
            case BsonTypeOrder.RegularExpression:
                var regexX = x.AsBsonRegularExpression;
                var regexY = y.AsBsonRegularExpression;
                var byPattern = Utf8Order.Compare(regexX.Pattern, regexY.Pattern);
                return byPattern != 0 ? byPattern : Utf8Order.Compare(regexX.Options, regexY.Options);
            case BsonTypeOrder.JavaScript:
                return Utf8Order.Compare(x.AsBsonJavaScript.Code, y.AsBsonJavaScript.Code);
            case BsonTypeOrder.JavaScriptWithScope:
                var codeX = x.AsBsonJavaScriptWithScope;
                var codeY = y.AsBsonJavaScriptWithScope;
                var byCode = Utf8Order.Compare(codeX.Code, codeY.Code);
                return byCode != 0 ? byCode : CompareDocuments(codeX.Scope, codeY.Scope);
            default:
                throw new InvalidOperationException($"no order for {x.BsonType}");
        }
    }

    /// <summary>
    /// Field by field as mongod's woCompare: each pair of elements compares by type rank, then field name,
    /// then value; a document that is a prefix of the other is smaller.
    /// </summary>
    public int CompareDocuments(BsonDocument x, BsonDocument y)
    {
        var count = Math.Min(x.ElementCount, y.ElementCount);
        for (var i = 0; i < count; i++)
        {
            var left = x.GetElement(i);
            var right = y.GetElement(i);
            var byRank = BsonTypeOrder.RankOf(left.Value).CompareTo(BsonTypeOrder.RankOf(right.Value));
            if (byRank != 0)
            {
                return Math.Sign(byRank);
            }

            var byName = Utf8Order.CompareNames(left.Name, right.Name);
            if (byName != 0)
            {
                return byName;
            }

            var byValue = CompareSameRank(left.Value, right.Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return x.ElementCount.CompareTo(y.ElementCount);
    }

    private int CompareArrays(BsonArray x, BsonArray y)
    {
        var count = Math.Min(x.Count, y.Count);
        for (var i = 0; i < count; i++)
        {
            var byValue = Compare(x[i], y[i]);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static int CompareBinary(BsonBinaryData x, BsonBinaryData y)
    {
        // mongod: length first, then subtype, then bytes.
        var byLength = x.Bytes.Length.CompareTo(y.Bytes.Length);
        if (byLength != 0)
        {
            return byLength;
        }

        var bySubType = ((byte)x.SubType).CompareTo((byte)y.SubType);
        if (bySubType != 0)
        {
            return Math.Sign(bySubType);
        }

        return Math.Sign(x.Bytes.AsSpan().SequenceCompareTo(y.Bytes));
    }

    private static string StringOf(BsonValue value) => value.BsonType == BsonType.Symbol ? value.AsBsonSymbol.Name : value.AsString;
}
