using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$limit: the first n documents (n &gt; 0).</summary>
internal sealed class LimitStage(long limit) : PipelineStage
{
    public static LimitStage Parse(BsonValue specification)
    {
        if (!Numbers.IsNumber(specification) || !Numbers.TryTruncateToLong(specification, out var limit) || limit != Numbers.ToDouble(specification))
        {
            throw new QueryException(15957, "the limit must be specified as a number");
        }

        if (limit <= 0)
        {
            throw new QueryException(15958, "the limit must be positive");
        }

        return new LimitStage(limit);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context) =>
        input.Take((int)Math.Min(limit, int.MaxValue));
}
