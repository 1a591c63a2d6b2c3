using MongoDB.Bson;

namespace Tessera.Query.Comparison;

/// <summary>
/// MongoDB's canonical type ranks: values of different ranks compare by rank alone, and all numeric
/// types share one rank so that 1, 1L, 1.0 and NumberDecimal("1") are the same value.
/// The numbers are mongod's canonicalizeBSONType values.
/// </summary>
public static class BsonTypeOrder
{
    public const int MinKey = -1;
    public const int Undefined = 0;
    public const int Null = 5;
    public const int Number = 10;
    public const int String = 15;
    public const int Document = 20;
    public const int Array = 25;
    public const int Binary = 30;
    public const int ObjectId = 35;
    public const int Boolean = 40;
    public const int DateTime = 45;
    public const int Timestamp = 47;
    public const int RegularExpression = 50;
    public const int DBPointer = 55;
    public const int JavaScript = 60;
    public const int JavaScriptWithScope = 65;
    public const int MaxKey = 127;

    /// <summary>The canonical rank of a value's type.</summary>
    public static int RankOf(BsonValue value) => RankOf(value.BsonType);

    public static int RankOf(BsonType type) => type switch
    {
        BsonType.MinKey => MinKey,
        BsonType.Undefined => Undefined,
        BsonType.Null => Null,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => Number,
        BsonType.String or BsonType.Symbol => String,
        BsonType.Document => Document,
        BsonType.Array => Array,
        BsonType.Binary => Binary,
        BsonType.ObjectId => ObjectId,
        BsonType.Boolean => Boolean,
        BsonType.DateTime => DateTime,
        BsonType.Timestamp => Timestamp,
        BsonType.RegularExpression => RegularExpression,
        BsonType.JavaScript => JavaScript,
        BsonType.JavaScriptWithScope => JavaScriptWithScope,
        BsonType.MaxKey => MaxKey,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a BSON value type"),
    };

    public static bool IsNumber(BsonValue value) => value.BsonType is BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128;
}
