using MongoDB.Bson;
using Tessera.Query;
using Tessera.Query.Projections;
using Tessera.Query.Sorting;
using Tessera.Query.Updates;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;

namespace Tessera.Server.Commands;

/// <summary>findAndModify: one document, chosen by query and sort, updated (or upserted) or removed, returned before or after.</summary>
public static class FindAndModifyCommand
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("findAndModify", Run, IsAuthorized: MayRun) { Aliases = ["findandmodify"] },
    ];

    private static bool MayRun(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        ActionType[] actions = context.OptionalBool("remove") ? [ActionType.Find, ActionType.Remove]
            : context.OptionalBool("upsert") ? [ActionType.Find, ActionType.Update, ActionType.Insert]
            : [ActionType.Find, ActionType.Update];
        return context.Authorization.IsAuthorizedForActionsOnNamespace(ns.DatabaseName, ns.CollectionName, actions);
    }

    private static BsonDocument Run(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var command = context.Command;
        CommandArguments.RefuseCollation(command);
        var query = CommandArguments.Document(context, "query");
        var sortSpec = CommandArguments.Document(context, "sort");
        var fields = CommandArguments.Document(context, "fields");
        var remove = context.OptionalBool("remove");
        var returnNew = context.OptionalBool("new");
        var upsert = context.OptionalBool("upsert");
        var hasUpdate = command.TryGetValue("update", out var updateValue) && !updateValue.IsBsonNull;
        if (remove == hasUpdate)
        {
            throw new CommandException(ErrorCode.FailedToParse, remove
                ? "Cannot specify both an update and remove=true"
                : "Either an update or remove=true must be specified");
        }

        if (remove && (returnNew || upsert))
        {
            throw new CommandException(ErrorCode.FailedToParse, returnNew
                ? "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document"
                : "Cannot specify both upsert=true and remove=true");
        }

        var update = !hasUpdate ? null : updateValue switch
        {
            BsonDocument document => Update.Parse(document, ArrayFilters(command)),
            BsonArray pipeline => Update.ParsePipeline(pipeline, ArrayFilters(command)),
            _ => throw new CommandException(ErrorCode.FailedToParse, "Update argument must be either an object or an array"),
        };
        Tessera.Query.Filters.Filter.Parse(query); // parse errors are reported as such, before anything runs
        var sort = sortSpec.ElementCount == 0 ? null : SortSpec.Parse(sortSpec);
        var projection = fields.ElementCount == 0 ? null : Projection.ParseFind(fields, query);
        var lastError = new BsonDocument();
        BsonValue value = BsonNull.Value;
        using (var transaction = context.Server.Storage.BeginTransaction())
        {
            try
            {
                if (remove)
                {
                    var doomed = QueryExecution.Prepare(transaction, ns, query, command.GetValue("hint", BsonNull.Value)).Matches(transaction).Select(m => m.Document);
                    var first = (sort is null ? doomed : doomed.OrderBy(d => d, sort)).FirstOrDefault();
                    if (first is not null)
                    {
                        transaction.DeleteById(ns, first["_id"]);
                        value = projection?.Apply(first) ?? first;
                        context.Server.Statistics.Deleted(1);
                    }

                    lastError.Add("n", first is null ? 0 : 1);
                }
                else
                {
                    var statement = new UpdateCommand.UpdateStatement(query, update!, Multi: false, upsert, command.GetValue("hint", BsonNull.Value));
                    var outcome = UpdateCommand.Apply(transaction, ns, statement, sort is null ? null : documents => documents.OrderBy(d => d, sort));
                    var shown = returnNew ? outcome.After : outcome.Before;
                    value = shown is null ? BsonNull.Value : projection?.Apply(shown) ?? shown;
                    lastError.Add("n", outcome.Matched + (outcome.UpsertedId is null ? 0 : 1));
                    lastError.Add("updatedExisting", outcome.Matched > 0);
                    if (outcome.UpsertedId is { } id)
                    {
                        lastError.Add("upserted", id);
                    }

                    context.Server.Statistics.Updated(outcome.Matched);
                }
            }
            catch (QueryException e)
            {
                // Parsing is done: a failure now happened while running the plan, worded as mongod's executor reports it.
                throw new CommandException(new ErrorCode(e.Code, e.CodeName), $"Plan executor error during findAndModify :: caused by :: {e.Message}");
            }

            transaction.Commit();
        }

        return new BsonDocument { { "lastErrorObject", lastError }, { "value", value } };
    }

    private static List<BsonDocument>? ArrayFilters(BsonDocument command) =>
        CommandArguments.Array(command, "findAndModify", "arrayFilters")?.Select(f => f as BsonDocument
            ?? throw new CommandException(ErrorCode.TypeMismatch, "arrayFilters must be an array of objects")).ToList();
}
