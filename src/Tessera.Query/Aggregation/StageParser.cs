using MongoDB.Bson;
using Tessera.Query.Aggregation.Stages;

namespace Tessera.Query.Aggregation;

/// <summary>The table of pipeline stages: name → parser of its specification.</summary>
internal static class StageParser
{
    private static readonly Dictionary<string, Func<BsonValue, PipelineStage>> Stages = new(StringComparer.Ordinal)
    {
        ["$match"] = MatchStage.Parse,
        ["$project"] = ProjectStage.Parse,
        ["$addFields"] = specification => AddFieldsStage.Parse("$addFields", specification),
        ["$set"] = specification => AddFieldsStage.Parse("$set", specification),
        ["$unset"] = UnsetStage.Parse,
        ["$sort"] = SortStage.Parse,
        ["$limit"] = LimitStage.Parse,
        ["$skip"] = SkipStage.Parse,
        ["$group"] = GroupStage.Parse,
        ["$count"] = CountStage.Parse,
        ["$unwind"] = UnwindStage.Parse,
        ["$lookup"] = LookupStage.Parse,
        ["$replaceRoot"] = ReplaceRootStage.ParseReplaceRoot,
        ["$replaceWith"] = ReplaceRootStage.ParseReplaceWith,
    };

    public static PipelineStage Parse(BsonDocument specification)
    {
        if (specification.ElementCount != 1)
        {
            throw new QueryException(40323, "A pipeline stage specification object must contain exactly one field.");
        }

        var stage = specification.GetElement(0);
        if (!Stages.TryGetValue(stage.Name, out var parse))
        {
            throw new QueryException(40324, $"Unrecognized pipeline stage name: '{stage.Name}'");
        }

        return parse(stage.Value);
    }
}
