using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$skip: all but the first n documents (n ≥ 0).</summary>
internal sealed class SkipStage(long skip) : PipelineStage
{
    public static SkipStage Parse(BsonValue specification)
    {
        if (!Numbers.IsNumber(specification) || !Numbers.TryTruncateToLong(specification, out var skip) || skip != Numbers.ToDouble(specification) || skip < 0)
        {
            throw new QueryException(15956, $"invalid argument to $skip stage: Expected a non-negative number in: $skip: {MongoText.Format(specification)}");
        }

        return new SkipStage(skip);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context) =>
        input.Skip((int)Math.Min(skip, int.MaxValue));
}
