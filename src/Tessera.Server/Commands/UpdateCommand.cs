using MongoDB.Bson;
using Tessera.Query.Updates;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>
/// update: each statement's filter through the planner, Tessera.Query's update operators, upserts; ordered or
/// unordered with per-statement write errors. All statements commit in one durable storage transaction.
/// </summary>
public static class UpdateCommand
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("update", Run, IsAuthorized: MayUpdate),
    ];

    private static bool MayUpdate(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        var upserts = CommandArguments.Array(context.Command, "update", "updates")?.OfType<BsonDocument>().Any(u => u.GetValue("upsert", false).ToBoolean()) ?? false;
        return context.Authorization.IsAuthorizedForActionsOnNamespace(ns.DatabaseName, ns.CollectionName,
            upserts ? [ActionType.Update, ActionType.Insert] : [ActionType.Update]);
    }

    private static BsonDocument Run(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var statements = CommandArguments.Array(context.Command, "update", "updates")
            ?? throw new CommandException(ErrorCode.FailedToParse, "BSON field 'update.updates' is missing but a required field");
        long matched = 0, modified = 0;
        var upserted = new BsonArray();
        var errors = WriteBatch.Run(context, statements.Count, (transaction, i) =>
        {
            var result = Apply(transaction, ns, Statement(statements[i]));
            matched += result.Matched;
            modified += result.Modified;
            if (result.UpsertedId is { } id)
            {
                upserted.Add(new BsonDocument { { "index", i }, { "_id", id } });
            }
        });

        context.Server.Statistics.Updated(matched + upserted.Count);
        var reply = new BsonDocument { { "n", matched + upserted.Count }, { "nModified", modified } };
        if (upserted.Count > 0)
        {
            reply.Add("upserted", upserted);
        }

        if (errors.Count > 0)
        {
            reply.Add("writeErrors", errors);
        }

        return reply;
    }

    internal sealed record UpdateStatement(BsonDocument Query, Update Update, bool Multi, bool Upsert, BsonValue? Hint);

    internal sealed record UpdateOutcome(long Matched, long Modified, BsonValue? UpsertedId, BsonDocument? Before, BsonDocument? After);

    internal static UpdateStatement Statement(BsonValue value)
    {
        if (value is not BsonDocument statement)
        {
            throw new CommandException(ErrorCode.TypeMismatch, "BSON field 'update.updates' must be an array of objects");
        }

        CommandArguments.RefuseCollation(statement);
        var query = CommandArguments.Document(statement, "update.updates", "q");
        var arrayFilters = CommandArguments.Array(statement, "update.updates", "arrayFilters")?.Select(f => f as BsonDocument
            ?? throw new CommandException(ErrorCode.TypeMismatch, "arrayFilters must be an array of objects")).ToList();
        var update = statement.GetValue("u", BsonNull.Value) switch
        {
            BsonDocument document => Update.Parse(document, arrayFilters),
            BsonArray pipeline => Update.ParsePipeline(pipeline, arrayFilters),
            _ => throw new CommandException(ErrorCode.FailedToParse, "BSON field 'update.updates.u' is missing or is not an object or a pipeline"),
        };
        var multi = statement.GetValue("multi", false).ToBoolean();
        if (multi && update.IsReplacement)
        {
            throw new CommandException(ErrorCode.FailedToParse, "multi update is not supported for replacement-style update");
        }

        return new UpdateStatement(query, update, multi, statement.GetValue("upsert", false).ToBoolean(), statement.GetValue("hint", BsonNull.Value));
    }

    /// <summary>Runs one statement in <paramref name="transaction"/>: the first match (or every one with multi), or an upsert.</summary>
    internal static UpdateOutcome Apply(IStorageTransaction transaction, NamespaceString ns, UpdateStatement statement, Func<IEnumerable<BsonDocument>, IEnumerable<BsonDocument>>? order = null)
    {
        var execution = QueryExecution.Prepare(transaction, ns, statement.Query, statement.Hint);

        // Read the matches first: SQLite does not define what a scan sees of rows changed under it.
        var candidates = execution.Matches(transaction);
        var matches = order is null
            ? (statement.Multi ? candidates : candidates.Take(1)).ToList()
            : order(candidates.Select(m => m.Document)).Take(1).Select(d => (Document: d, Details: MatchAgain(execution, d))).ToList();
        long modified = 0;
        BsonDocument? before = null, after = null;
        foreach (var (document, details) in matches)
        {
            var result = statement.Update.Apply(document, details);
            if (result.Changed)
            {
                transaction.Replace(ns, result.Document); // a unique index may refuse it (E11000)
                modified++;
            }

            before ??= document;
            after ??= result.Document;
        }

        if (matches.Count > 0 || !statement.Upsert)
        {
            return new UpdateOutcome(matches.Count, modified, null, before, after);
        }

        var inserted = statement.Update.BuildUpsertDocument(statement.Query);
        transaction.Insert(ns, inserted);
        return new UpdateOutcome(0, 0, inserted["_id"], null, inserted);
    }

    private static Tessera.Query.Filters.MatchDetails MatchAgain(QueryExecution execution, BsonDocument document)
    {
        var details = new Tessera.Query.Filters.MatchDetails();
        execution.Filter.Matches(document, details);
        return details;
    }
}
