using MongoDB.Bson;
using Tessera.Query.Aggregation.Accumulators;

namespace Tessera.Query.Expressions;

/// <summary>
/// $sum $avg $min $max as expressions: over the elements of a single array argument, or over the
/// arguments themselves, with the same rules as the $group accumulators.
/// </summary>
internal static class GroupLikeOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        Register(table, "$sum", () => new SumAccumulator());
        Register(table, "$avg", () => new AverageAccumulator());
        Register(table, "$min", () => new ExtremeAccumulator(max: false));
        Register(table, "$max", () => new ExtremeAccumulator(max: true));
    }

    private static void Register(Dictionary<string, ExpressionOperators.Definition> table, string name, Func<Accumulator> create) =>
        ExpressionOperators.Add(table, name, 1, int.MaxValue, (_, arguments) =>
        {
            var accumulator = create();
            IEnumerable<BsonValue?> values = arguments.Count == 1 && arguments[0] is BsonArray array ? array : arguments;
            foreach (var value in values)
            {
                accumulator.Add(value);
            }

            return accumulator.Result();
        });
}
