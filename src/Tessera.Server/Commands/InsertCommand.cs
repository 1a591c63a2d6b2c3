using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Server.Authorization;

namespace Tessera.Server.Commands;

/// <summary>
/// insert: ordered (stop at the first error) or unordered (go on), with per-document write errors in mongod's
/// shape. The whole batch commits in one storage transaction, so it is durable on disk (one flush) before the
/// reply; a refused document is undone alone.
/// </summary>
public static class InsertCommand
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("insert", Insert, IsAuthorized: CollectionArgument.Requires(ActionType.Insert)),
    ];

    private static BsonDocument Insert(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        if (!context.Command.TryGetValue("documents", out var value) || value is not BsonArray documents)
        {
            throw new CommandException(ErrorCode.FailedToParse, "BSON field 'insert.documents' is missing but a required field");
        }

        var inserted = 0;
        var errors = WriteBatch.Run(context, documents.Count, (transaction, i) =>
        {
            transaction.Insert(ns, WithId(documents[i]));
            inserted++;
        });

        context.Server.Statistics.Inserted(inserted);
        var reply = new BsonDocument("n", inserted);
        if (errors.Count > 0)
        {
            reply.Add("writeErrors", errors);
        }

        return reply;
    }

    // mongod puts a generated ObjectId first when the client sent no _id (drivers usually send one).
    private static BsonDocument WithId(BsonValue value)
    {
        if (value is not BsonDocument document)
        {
            throw new CommandException(ErrorCode.TypeMismatch, $"BSON field 'insert.documents' contains an element of type {TypeNames.Of(value)}, expected object");
        }

        if (!document.TryGetValue("_id", out var id))
        {
            var withId = new BsonDocument("_id", ObjectId.GenerateNewId());
            withId.AddRange(document);
            return withId;
        }

        return id is BsonArray or BsonRegularExpression
            ? throw new CommandException(new ErrorCode(53, "InvalidIdField"), $"The '_id' value cannot be of type {TypeNames.Of(id)}")
            : document;
    }
}
