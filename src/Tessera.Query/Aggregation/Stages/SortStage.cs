using MongoDB.Bson;
using Tessera.Query.Sorting;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$sort: a stable sort of all documents.</summary>
internal sealed class SortStage(SortSpec sort) : PipelineStage
{
    public static SortStage Parse(BsonValue specification)
    {
        if (specification is not BsonDocument keys)
        {
            throw new QueryException(15973, "the $sort key specification must be an object");
        }

        if (keys.ElementCount == 0)
        {
            throw new QueryException(15976, "$sort stage must have at least one sort key");
        }

        return new SortStage(SortSpec.Parse(keys));
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context) => sort.Sort(input);
}
