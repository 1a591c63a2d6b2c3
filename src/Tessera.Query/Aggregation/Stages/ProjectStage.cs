using MongoDB.Bson;
using Tessera.Query.Projections;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$project, with aggregation's projection rules (no $slice/$elemMatch/positional find forms).</summary>
internal sealed class ProjectStage(Projection projection) : PipelineStage
{
    public static ProjectStage Parse(BsonValue specification)
    {
        if (specification is not BsonDocument fields)
        {
            throw new QueryException(15969, "$project specification must be an object");
        }

        if (fields.ElementCount == 0)
        {
            throw new QueryException(51272, "Invalid $project :: caused by :: projection specification must have at least one field");
        }

        return new ProjectStage(Projection.ParseAggregation(fields));
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context) =>
        input.Select(document => projection.Apply(document, context.Variables is null ? null : new Filters.MatchDetails { Variables = context.Variables }));
}
