using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Filters;

/// <summary>
/// $lt $lte $gt $gte with mongod's rules: values compare only within their type bracket, except that
/// MinKey and MaxKey bound everything and null (which a missing field counts as) equals null;
/// NaN is only equal to NaN and neither less nor greater than any number.
/// </summary>
internal sealed class ComparisonPredicate(ComparisonOperator op, BsonValue bound) : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        var inclusive = op is ComparisonOperator.LessThanOrEqual or ComparisonOperator.GreaterThanOrEqual;
        var below = op is ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual;
        var valueRank = value is null ? BsonTypeOrder.Null : BsonTypeOrder.RankOf(value);
        var boundRank = BsonTypeOrder.RankOf(bound);
        if (valueRank != boundRank)
        {
            return bound.BsonType switch
            {
                BsonType.MaxKey => below,
                BsonType.MinKey => !below,
                _ => false,
            };
        }

        if (value is null || valueRank == BsonTypeOrder.Null)
        {
            return inclusive;
        }

        if (valueRank == BsonTypeOrder.Number && (IsNaN(value) || IsNaN(bound)))
        {
            return inclusive && IsNaN(value) && IsNaN(bound);
        }

        var order = BsonValueComparer.Instance.Compare(value, bound);
        return op switch
        {
            ComparisonOperator.LessThan => order < 0,
            ComparisonOperator.LessThanOrEqual => order <= 0,
            ComparisonOperator.GreaterThan => order > 0,
            _ => order >= 0,
        };
    }

    private static bool IsNaN(BsonValue number) => number.BsonType switch
    {
        BsonType.Double => double.IsNaN(number.AsDouble),
        BsonType.Decimal128 => Decimal128.IsNaN(number.AsDecimal128),
        _ => false,
    };
}
