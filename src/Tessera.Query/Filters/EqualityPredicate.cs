using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Filters;

/// <summary>
/// $eq and implicit equality: the same type bracket and equal by MongoDB's order (so 1 equals 1.0).
/// Equality to null also matches a missing field; like mongod 8.0 it does not match undefined.
/// </summary>
internal sealed class EqualityPredicate(BsonValue expected) : ValuePredicate
{
    public BsonValue Expected { get; } = expected;

    public override bool Matches(BsonValue? value, MatchDetails? details) => IsEqual(value, Expected);

    public static bool IsEqual(BsonValue? value, BsonValue expected)
    {
        if (expected.IsBsonNull)
        {
            return value is null || value.IsBsonNull;
        }

        return value is not null
            && BsonTypeOrder.RankOf(value) == BsonTypeOrder.RankOf(expected)
            && BsonValueComparer.Instance.Compare(value, expected) == 0;
    }
}
