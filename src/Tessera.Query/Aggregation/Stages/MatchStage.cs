using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$match: the documents the query matches.</summary>
internal sealed class MatchStage(Filter filter) : PipelineStage
{
    public static MatchStage Parse(BsonValue specification) =>
        specification is BsonDocument query
            ? new MatchStage(Filter.Parse(query))
            : throw new QueryException(15959, "the match filter must be an expression in an object");

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context) =>
        context.Variables is null ? input.Where(filter.Matches) : input.Where(document => filter.Matches(document, new MatchDetails { Variables = context.Variables }));
}
