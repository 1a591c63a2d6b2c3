using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$count: one document {name: number of inputs}, or none for no input (it is a $group).</summary>
internal sealed class CountStage(string field) : PipelineStage
{
    public static CountStage Parse(BsonValue specification)
    {
        if (specification is not BsonString { Value.Length: > 0 } name)
        {
            throw new QueryException(40156, "the count field must be a non-empty string");
        }

        if (name.Value.StartsWith('$'))
        {
            throw new QueryException(40158, "the count field cannot be a $-prefixed path");
        }

        if (name.Value.Contains('.', StringComparison.Ordinal))
        {
            throw new QueryException(40160, "the count field cannot contain '.'");
        }

        return new CountStage(name.Value);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        var count = input.Count();
        if (count > 0)
        {
            yield return new BsonDocument(field, count);
        }
    }
}
