using MongoDB.Bson;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>delete: each statement removes its first match (limit 1) or all of them (limit 0), in one durable transaction.</summary>
public static class DeleteCommand
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("delete", Run, IsAuthorized: CollectionArgument.Requires(ActionType.Remove)),
    ];

    internal sealed record DeleteStatement(BsonDocument Query, bool One, BsonValue? Hint);

    internal static DeleteStatement Statement(BsonValue value)
    {
        if (value is not BsonDocument statement)
        {
            throw new CommandException(ErrorCode.TypeMismatch, "BSON field 'delete.deletes' must be an array of objects");
        }

        CommandArguments.RefuseCollation(statement);
        var limit = CommandArguments.Number(statement, "delete.deletes", "limit")
            ?? throw new CommandException(ErrorCode.FailedToParse, "BSON field 'delete.deletes.limit' is missing but a required field");
        return limit is 0 or 1
            ? new DeleteStatement(CommandArguments.Document(statement, "delete.deletes", "q"), limit == 1, statement.GetValue("hint", BsonNull.Value))
            : throw new CommandException(ErrorCode.FailedToParse, $"The limit field in delete objects must be 0 or 1. Got {limit}");
    }

    /// <summary>Deletes in <paramref name="transaction"/>; returns the deleted documents.</summary>
    internal static List<BsonDocument> Apply(IStorageTransaction transaction, NamespaceString ns, DeleteStatement statement)
    {
        var matches = QueryExecution.Prepare(transaction, ns, statement.Query, statement.Hint).Matches(transaction).Select(m => m.Document);
        var doomed = (statement.One ? matches.Take(1) : matches).ToList(); // read first, then write
        foreach (var document in doomed)
        {
            transaction.DeleteById(ns, document["_id"]);
        }

        return doomed;
    }

    private static BsonDocument Run(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var statements = CommandArguments.Array(context.Command, "delete", "deletes")
            ?? throw new CommandException(ErrorCode.FailedToParse, "BSON field 'delete.deletes' is missing but a required field");
        long deleted = 0;
        var errors = WriteBatch.Run(context, statements.Count, (transaction, i) => deleted += Apply(transaction, ns, Statement(statements[i])).Count);

        context.Server.Statistics.Deleted(deleted);
        var reply = new BsonDocument("n", deleted);
        if (errors.Count > 0)
        {
            reply.Add("writeErrors", errors);
        }

        return reply;
    }
}
