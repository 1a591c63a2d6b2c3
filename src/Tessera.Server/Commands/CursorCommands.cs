using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Server.Authorization;
using Tessera.Server.Cursors;
using Tessera.Wire;

namespace Tessera.Server.Commands;

/// <summary>
/// getMore and killCursors, and the first batch every cursor-returning command answers with: the rest of the
/// result stays in the <see cref="CursorManager"/> under the user that asked for it.
/// </summary>
public static class CursorCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("getMore", GetMore),
        new("killCursors", KillCursors, IsAuthorized: c => c.Authorization.IsAuthorizedForActionsOnNamespace(c.Database, Collection(c), ActionType.KillCursors)
            || c.Authorization.IsAuthorizedForActionsOnNamespace(c.Database, Collection(c), ActionType.Find)),
    ];

    /// <summary>
    /// <c>{ cursor: { id, ns, firstBatch } }</c>: the first batch (<paramref name="batchSize"/> documents, all when
    /// null) and, when more is left and <paramref name="singleBatch"/> is false, a cursor for getMore.
    /// </summary>
    internal static BsonDocument FirstBatch(CommandContext context, string ns, IEnumerable<BsonDocument> result, int? batchSize = null, bool singleBatch = false)
    {
        var cursor = context.Server.Cursors.Open(ns, Owner(context), result.GetEnumerator(), context.OptionalBool("noCursorTimeout"));
        List<BsonDocument> batch;
        try
        {
            batch = Read(cursor, batchSize ?? int.MaxValue, context.Name);
        }
        catch
        {
            context.Server.Cursors.Release(cursor);
            context.Server.Cursors.Kill(cursor.Id, ns, Owner(context));
            throw;
        }

        var id = cursor.Exhausted || singleBatch ? 0L : cursor.Id;
        context.Server.Cursors.Release(cursor);
        if (id == 0 && !cursor.Exhausted)
        {
            context.Server.Cursors.Kill(cursor.Id, ns, Owner(context)); // singleBatch: the rest is not wanted
        }

        return Reply(id, ns, "firstBatch", batch);
    }

    /// <summary>The <c>cursor: { batchSize }</c> of aggregate and the catalog commands; null when not given.</summary>
    internal static int? CursorBatchSize(CommandContext context) =>
        BatchSize(context.Command.GetValue("cursor", new BsonDocument()), "cursor.batchSize");

    /// <summary>find's top-level <c>batchSize</c>; null when not given.</summary>
    internal static int? TopLevelBatchSize(CommandContext context) => BatchSize(context.Command, "batchSize");

    private static BsonDocument GetMore(CommandContext context)
    {
        var idValue = context.Command.GetElement(0).Value;
        if (idValue is not BsonInt64 id)
        {
            throw new CommandException(ErrorCode.TypeMismatch,
                $"BSON field 'getMore.getMore' is the wrong type '{TypeNames.Of(idValue)}', expected type 'long'");
        }

        var ns = $"{context.Database}.{Collection(context)}";
        var batchSize = BatchSize(context.Command, "batchSize") is { } given and > 0 ? given : int.MaxValue; // 0: no limit
        var cursors = context.Server.Cursors;
        var cursor = cursors.Acquire(id.Value, ns, Owner(context));
        try
        {
            var batch = Read(cursor, batchSize, "getMore");
            return Reply(cursor.Exhausted ? 0L : cursor.Id, ns, "nextBatch", batch);
        }
        finally
        {
            cursors.Release(cursor);
        }
    }

    // A failure while the result is produced ($divide by zero, a bad $regex subject…) is an execution error, which
    // mongod words with its executor's prefix for the command that was reading.
    private static List<BsonDocument> Read(ServerCursor cursor, int count, string command)
    {
        try
        {
            return cursor.NextBatch(count, WireLimits.MaxBsonObjectSize);
        }
        catch (Tessera.Query.QueryException e)
        {
            var during = command switch
            {
                "find" => "Executor error during find command",
                "aggregate" => "PlanExecutor error during aggregation",
                _ => "Executor error during getMore",
            };
            throw new CommandException(new ErrorCode(e.Code, e.CodeName), $"{during} :: caused by :: {e.Message}");
        }
    }

    private static BsonDocument KillCursors(CommandContext context)
    {
        if (!context.Command.TryGetValue("cursors", out var value) || value is not BsonArray ids || ids.Any(i => i is not BsonInt64))
        {
            throw new CommandException(ErrorCode.TypeMismatch, "BSON field 'killCursors.cursors' must be an array of longs");
        }

        var ns = $"{context.Database}.{Collection(context)}";
        var killed = new BsonArray();
        var notFound = new BsonArray();
        foreach (var id in ids)
        {
            (context.Server.Cursors.Kill(id.AsInt64, ns, Owner(context)) ? killed : notFound).Add(id);
        }

        return new BsonDocument
        {
            { "cursorsKilled", killed },
            { "cursorsNotFound", notFound },
            { "cursorsAlive", new BsonArray() },
            { "cursorsUnknown", new BsonArray() },
        };
    }

    private static BsonDocument Reply(long id, string ns, string batchName, List<BsonDocument> batch) =>
        new("cursor", new BsonDocument { { "id", id }, { "ns", ns }, { batchName, new BsonArray(batch) } });

    // The collection getMore and killCursors name: "collection" for getMore, the first field for killCursors.
    private static string Collection(CommandContext context)
    {
        var value = context.Name == "getMore" ? context.Command.GetValue("collection", BsonNull.Value) : context.Command.GetElement(0).Value;
        return value.IsString
            ? value.AsString
            : throw new CommandException(ErrorCode.TypeMismatch, $"BSON field '{context.Name}.{(context.Name == "getMore" ? "collection" : context.Name)}' is missing or not a string");
    }

    private static string? Owner(CommandContext context) => context.Connection.User?.FullName;

    private static int? BatchSize(BsonValue container, string field)
    {
        var name = field.Split('.')[^1];
        if (container is not BsonDocument document || !document.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.IsNumeric && value.ToDouble() >= 0 && value.ToDouble() <= int.MaxValue
            ? value.ToInt32()
            : throw new CommandException(ErrorCode.BadValue, $"BatchSize value must be non-negative, but received: {value}");
    }
}
