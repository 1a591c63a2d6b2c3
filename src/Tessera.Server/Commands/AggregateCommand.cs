using MongoDB.Bson;
using Tessera.Query.Aggregation;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>
/// aggregate on a collection: a leading $match chooses the plan (an index when it can), Tessera.Query runs the
/// stages, $lookup reads other collections of the database (each needs the find privilege), and the result is a cursor.
/// </summary>
public static class AggregateCommand
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("aggregate", Run, IsAuthorized: MayRun),
    ];

    internal sealed record AggregateRequest(NamespaceString Namespace, BsonArray Stages, Pipeline Pipeline, BsonDocument LeadingMatch)
    {
        public static AggregateRequest Parse(CommandContext context)
        {
            if (!context.Command.GetElement(0).Value.IsString)
            {
                throw new CommandException(ErrorCode.InvalidNamespace,
                    "aggregate without a collection ({ aggregate: 1 }) is not supported; name a collection");
            }

            var ns = CollectionArgument.Of(context);
            CommandArguments.RefuseCollation(context.Command);
            var stages = CommandArguments.Array(context.Command, "aggregate", "pipeline")
                ?? throw new CommandException(ErrorCode.FailedToParse, "BSON field 'aggregate.pipeline' is missing but a required field");
            if (!context.Command.Contains("cursor") && !context.OptionalBool("explain"))
            {
                throw new CommandException(ErrorCode.FailedToParse, "The 'cursor' option is required, except for aggregate with the explain argument");
            }

            var leadingMatch = stages.Count > 0 && stages[0] is BsonDocument first && first.ElementCount == 1 && first.GetElement(0).Name == "$match"
                && first[0] is BsonDocument match ? match : [];
            return new AggregateRequest(ns, stages, Pipeline.Parse(stages), leadingMatch);
        }

        public IEnumerable<BsonDocument> Run(IDocumentReader reader, QueryExecution execution) =>
            Pipeline.Run(execution.Matches(reader).Select(m => m.Document), name =>
                reader.ScanInIdOrder(new NamespaceString(Namespace.DatabaseName, name)));
    }

    // find on the collection, and on every collection a $lookup reads (at any depth).
    private static bool MayRun(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        var stages = CommandArguments.Array(context.Command, "aggregate", "pipeline") ?? [];
        return LookedUp(stages).Prepend(ns.CollectionName)
            .All(collection => context.Authorization.IsAuthorizedForActionsOnNamespace(ns.DatabaseName, collection, ActionType.Find));
    }

    private static IEnumerable<string> LookedUp(BsonValue value) => value switch
    {
        BsonDocument document => document.Elements.SelectMany(e =>
            e.Name == "$lookup" && e.Value is BsonDocument lookup && lookup.GetValue("from", BsonNull.Value) is BsonString from
                ? LookedUp(lookup).Prepend(from.Value)
                : LookedUp(e.Value)),
        BsonArray array => array.SelectMany(LookedUp),
        _ => [],
    };

    private static BsonDocument Run(CommandContext context)
    {
        var request = AggregateRequest.Parse(context);
        if (context.OptionalBool("explain"))
        {
            return ExplainCommand.Aggregate(context, request);
        }

        var storage = context.Server.Storage;
        var execution = QueryExecution.Prepare(storage, request.Namespace, request.LeadingMatch);
        return CursorCommands.FirstBatch(context, request.Namespace.ToString(), request.Run(storage, execution), CursorCommands.CursorBatchSize(context));
    }
}
