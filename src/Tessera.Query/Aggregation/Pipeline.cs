using MongoDB.Bson;

namespace Tessera.Query.Aggregation;

/// <summary>
/// A parsed aggregation pipeline. <see cref="Run"/> streams the input through the stages; stages that
/// need all documents ($sort, $group, $count) buffer them. Parsing throws <see cref="QueryException"/>
/// with mongod's codes (40324 for an unknown stage, …); errors that depend on the documents (a $divide
/// by zero…) are thrown while the result is enumerated.
/// </summary>
public sealed class Pipeline
{
    private readonly IReadOnlyList<PipelineStage> _stages;

    private Pipeline(IReadOnlyList<PipelineStage> stages)
    {
        _stages = stages;
    }

    public static Pipeline Parse(BsonArray stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var parsed = new List<PipelineStage>();
        foreach (var stage in stages)
        {
            if (stage is not BsonDocument specification)
            {
                throw new QueryException(ErrorCodes.TypeMismatch, "Each element of the 'pipeline' array must be an object");
            }

            parsed.Add(StageParser.Parse(specification));
        }

        return new Pipeline(parsed);
    }

    /// <summary>Runs the pipeline; <paramref name="resolver"/> gives other collections to $lookup.</summary>
    public IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, CollectionResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return RunIn(input, new PipelineContext(resolver));
    }

    internal IEnumerable<BsonDocument> RunIn(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        var stream = input;
        foreach (var stage in _stages)
        {
            stream = stage.Run(stream, context);
        }

        return stream;
    }
}
