using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>How aggregation expressions read values.</summary>
public static class ExpressionValues
{
    /// <summary>
    /// Aggregation truthiness: false, null, undefined, missing and every zero are false; everything else,
    /// including empty strings and arrays, is true.
    /// </summary>
    public static bool IsTruthy(BsonValue? value) => value switch
    {
        null => false,
        BsonBoolean boolean => boolean.Value,
        BsonNull or BsonUndefined => false,
        _ when Numbers.IsNumber(value) => Numbers.ToDouble(value) != 0,
        _ => true,
    };

    /// <summary>Missing, null and undefined: the values most operators turn into a null result.</summary>
    public static bool IsNullish(BsonValue? value) => value is null || value.IsBsonNull || value.IsBsonUndefined;
}
