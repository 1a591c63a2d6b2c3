using MongoDB.Bson;

namespace Tessera.Query.Comparison;

/// <summary>
/// mongod's binaryEqualValues: same types, same field names in the same order, same values. An update
/// that turns 1 into 1.0 changes the document although the two compare equal.
/// (MongoDB.Bson's Equals treats 1 and 1.0 as equal, so it cannot decide nModified.)
/// </summary>
public static class BinaryEquality
{
    public static bool AreEqual(BsonValue left, BsonValue right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.BsonType != right.BsonType)
        {
            return false;
        }

        switch (left)
        {
            case BsonDocument leftDocument:
                var rightDocument = right.AsBsonDocument;
                if (leftDocument.ElementCount != rightDocument.ElementCount)
                {
                    return false;
                }

                for (var i = 0; i < leftDocument.ElementCount; i++)
                {
                    var l = leftDocument.GetElement(i);
                    var r = rightDocument.GetElement(i);
                    if (l.Name != r.Name || !AreEqual(l.Value, r.Value))
                    {
                        return false;
                    }
                }

                return true;
            case BsonArray leftArray:
                var rightArray = right.AsBsonArray;
                return leftArray.Count == rightArray.Count && leftArray.Zip(rightArray).All(pair => AreEqual(pair.First, pair.Second));
            case BsonDouble leftDouble:
                // Bitwise: -0.0 differs from 0.0 and NaN equals NaN, as in a byte comparison.
                return BitConverter.DoubleToInt64Bits(leftDouble.Value) == BitConverter.DoubleToInt64Bits(right.AsDouble);
            case BsonDecimal128 leftDecimal:
                var rightDecimal = right.AsDecimal128;
                return leftDecimal.Value.GetIEEEHighBits() == rightDecimal.GetIEEEHighBits() && leftDecimal.Value.GetIEEELowBits() == rightDecimal.GetIEEELowBits();
            case BsonJavaScriptWithScope leftCode:
                var rightCode = (BsonJavaScriptWithScope)right;
                return leftCode.Code == rightCode.Code && AreEqual(leftCode.Scope, rightCode.Scope);
            default:
                return left.Equals(right);
        }
    }
}
