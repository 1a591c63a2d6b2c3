using MongoDB.Bson;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;

namespace Tessera.Server.Commands;

/// <summary>
/// explain of find, count, distinct, aggregate, update, delete and findAndModify: which plan the query planner chose
/// (IDHACK, IXSCAN with its index and bounds, or COLLSCAN) and, with executionStats, what running it read and returned.
/// Writes are explained without being done.
/// </summary>
public static class ExplainCommand
{
    private static readonly Dictionary<string, ActionType> ReadAction = new(StringComparer.Ordinal)
    {
        ["find"] = ActionType.Find, ["count"] = ActionType.Find, ["distinct"] = ActionType.Find, ["aggregate"] = ActionType.Find,
        ["update"] = ActionType.Update, ["delete"] = ActionType.Remove, ["findAndModify"] = ActionType.Find,
    };

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("explain", Run, IsAuthorized: MayExplain),
    ];

    private static bool MayExplain(CommandContext context)
    {
        var (inner, name) = Inner(context);
        var collection = inner.GetElement(0).Value;
        return collection.IsString && context.Authorization.IsAuthorizedForActionsOnNamespace(context.Database, collection.AsString, ReadAction[name]);
    }

    private static (BsonDocument Inner, string Name) Inner(CommandContext context)
    {
        if (context.Command.GetElement(0).Value is not BsonDocument { ElementCount: > 0 } inner)
        {
            throw new CommandException(ErrorCode.FailedToParse, "explain command requires a nested object");
        }

        var name = inner.GetElement(0).Name;
        return ReadAction.ContainsKey(name)
            ? (inner, name)
            : throw new CommandException(ErrorCode.CommandNotFound, $"Explain failed due to unknown command: {name}");
    }

    private static BsonDocument Run(CommandContext context)
    {
        var (inner, name) = Inner(context);
        var verbosity = context.Command.GetValue("verbosity", "allPlansExecution").ToString() ?? "allPlansExecution";
        var command = new BsonDocument(inner);
        command.Set("$db", context.Database);
        var innerContext = new CommandContext(context.Server, context.Connection, command, context.Database);
        var storage = context.Server.Storage;
        var ns = CollectionArgument.Of(innerContext);
        switch (name)
        {
            case "find":
                {
                    var request = QueryCommands.FindRequest.Parse(innerContext);
                    var execution = QueryExecution.Prepare(storage, ns, request.Filter, request.Hint);
                    return Reply(ns.ToString(), request.Filter, execution, verbosity, () => request.Run(storage, execution).LongCount());
                }

            case "aggregate":
                return Aggregate(innerContext, AggregateCommand.AggregateRequest.Parse(innerContext));

            case "distinct" or "count":
                {
                    var filter = CommandArguments.Document(command, name, "query");
                    var execution = QueryExecution.Prepare(storage, ns, filter, command.GetValue("hint", BsonNull.Value));
                    return Reply(ns.ToString(), filter, execution, verbosity, () => execution.Matches(storage).LongCount());
                }

            default:
                {
                    // update, delete, findAndModify: the plan of the (first) statement's filter, nothing written.
                    var filter = name switch
                    {
                        "update" => CommandArguments.Document((CommandArguments.Array(command, name, "updates") ?? [])[0].AsBsonDocument, name, "q"),
                        "delete" => CommandArguments.Document((CommandArguments.Array(command, name, "deletes") ?? [])[0].AsBsonDocument, name, "q"),
                        _ => CommandArguments.Document(command, name, "query"),
                    };
                    var execution = QueryExecution.Prepare(storage, ns, filter);
                    return Reply(ns.ToString(), filter, execution, "queryPlanner", () => 0);
                }
        }
    }

    internal static BsonDocument Aggregate(CommandContext context, AggregateCommand.AggregateRequest request)
    {
        var storage = context.Server.Storage;
        var execution = QueryExecution.Prepare(storage, request.Namespace, request.LeadingMatch);
        var reply = Reply(request.Namespace.ToString(), request.LeadingMatch, execution, "queryPlanner", () => 0);
        reply.Add("stages", request.Stages.DeepClone());
        return reply;
    }

    private static BsonDocument Reply(string ns, BsonDocument filter, QueryExecution execution, string verbosity, Func<long> run)
    {
        var reply = new BsonDocument
        {
            {
                "queryPlanner", new BsonDocument
                {
                    { "namespace", ns },
                    { "parsedQuery", filter.DeepClone() },
                    { "winningPlan", execution.Plan.Explain() },
                    { "rejectedPlans", new BsonArray() },
                }
            },
        };
        if (verbosity is "executionStats" or "allPlansExecution")
        {
            var returned = run();
            reply.Add("executionStats", new BsonDocument
            {
                { "executionSuccess", true },
                { "nReturned", returned },
                { "totalDocsExamined", execution.Examined },
            });
        }

        return reply;
    }
}
