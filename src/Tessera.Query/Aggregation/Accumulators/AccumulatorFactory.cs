namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>The $group accumulators by name.</summary>
internal static class AccumulatorFactory
{
    private static readonly Dictionary<string, Func<Accumulator>> Factories = new(StringComparer.Ordinal)
    {
        ["$sum"] = () => new SumAccumulator(),
        ["$avg"] = () => new AverageAccumulator(),
        ["$min"] = () => new ExtremeAccumulator(max: false),
        ["$max"] = () => new ExtremeAccumulator(max: true),
        ["$first"] = () => new EdgeAccumulator(last: false),
        ["$last"] = () => new EdgeAccumulator(last: true),
        ["$push"] = () => new PushAccumulator(unique: false),
        ["$addToSet"] = () => new PushAccumulator(unique: true),
        ["$count"] = () => new CountAccumulator(),
    };

    public static bool TryGet(string name, out Func<Accumulator> factory) => Factories.TryGetValue(name, out factory!);
}
