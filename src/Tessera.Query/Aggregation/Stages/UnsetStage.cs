using MongoDB.Bson;
using Tessera.Query.Projections;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$unset: "a" or ["a", "b.c"], an exclusion projection.</summary>
internal static class UnsetStage
{
    public static ProjectStage Parse(BsonValue specification)
    {
        var fields = specification switch
        {
            BsonString single => [single.Value],
            BsonArray many => many.Select(item => item is BsonString name
                ? name.Value
                : throw new QueryException(31120, "$unset specification must be a string or an array containing only string values")).ToList(),
            _ => throw new QueryException(31002, "$unset specification must be a string or an array"),
        };
        if (fields.Count == 0)
        {
            throw new QueryException(31119, "$unset specification must be a string or an array with at least one field");
        }

        var exclusion = new BsonDocument();
        foreach (var field in fields)
        {
            exclusion[field] = 0;
        }

        return new ProjectStage(Projection.ParseAggregation(exclusion));
    }
}
