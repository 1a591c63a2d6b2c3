using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Expressions;

/// <summary>
/// $eq $ne $gt $gte $lt $lte $cmp: aggregation compares any two values by MongoDB's full order
/// (so "a" &gt; 5); a missing value sorts below null and is not equal to it.
/// </summary>
internal static class ComparisonOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        ExpressionOperators.Add(table, "$eq", 2, 2, (_, a) => Compare(a) == 0);
        ExpressionOperators.Add(table, "$ne", 2, 2, (_, a) => Compare(a) != 0);
        ExpressionOperators.Add(table, "$gt", 2, 2, (_, a) => Compare(a) > 0);
        ExpressionOperators.Add(table, "$gte", 2, 2, (_, a) => Compare(a) >= 0);
        ExpressionOperators.Add(table, "$lt", 2, 2, (_, a) => Compare(a) < 0);
        ExpressionOperators.Add(table, "$lte", 2, 2, (_, a) => Compare(a) <= 0);
        ExpressionOperators.Add(table, "$cmp", 2, 2, (_, a) => new BsonInt32(Compare(a)));
    }

    private static int Compare(IReadOnlyList<BsonValue?> arguments) => CompareWithMissing(arguments[0], arguments[1]);

    /// <summary>Missing counts as undefined, below null, as in mongod's Value comparison.</summary>
    internal static int CompareWithMissing(BsonValue? left, BsonValue? right) =>
        BsonValueComparer.Instance.Compare(left ?? BsonUndefined.Value, right ?? BsonUndefined.Value);
}
