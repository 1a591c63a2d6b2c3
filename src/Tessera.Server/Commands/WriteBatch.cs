using MongoDB.Bson;
using Tessera.Query;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>What the write commands share: the batch size rule, one transaction per command, and the shape of a write error.</summary>
internal static class WriteBatch
{
    private static void CheckSize(int count)
    {
        if (count == 0 || count > Wire.WireLimits.MaxWriteBatchSize)
        {
            throw new CommandException(new ErrorCode(10413, "Location10413"),
                $"Write batch sizes must be between 1 and {Wire.WireLimits.MaxWriteBatchSize}. Got {count} operations.");
        }
    }

    /// <summary>
    /// Runs statements 0…count-1 in one storage transaction, committed (durably) at the end: a failed statement
    /// becomes a write error and leaves nothing of itself; an ordered batch (the default) stops at the first.
    /// </summary>
    public static BsonArray Run(CommandContext context, int count, Action<IStorageTransaction, int> statement)
    {
        CheckSize(count);
        var ordered = !context.Command.TryGetValue("ordered", out var orderedValue) || orderedValue.ToBoolean();
        var errors = new BsonArray();
        using var transaction = context.Server.Storage.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            try
            {
                statement(transaction, i);
            }
            catch (Exception e) when (e is StorageException or CommandException or QueryException)
            {
                errors.Add(Error(i, e));
                if (ordered)
                {
                    break;
                }
            }
        }

        transaction.Commit();
        return errors;
    }

    public static BsonDocument Error(int index, Exception error)
    {
        var entry = new BsonDocument("index", index);
        switch (error)
        {
            case DuplicateKeyException duplicate:
                entry.Add("code", duplicate.Code);
                entry.Add("keyPattern", duplicate.KeyPattern);
                entry.Add("keyValue", duplicate.KeyValue);
                break;
            case StorageException storage:
                entry.Add("code", storage.Code);
                break;
            case CommandException command:
                entry.Add("code", command.Error.Code);
                break;
            case QueryException query:
                entry.Add("code", query.Code);
                break;
        }

        entry.Add("errmsg", error.Message);
        return entry;
    }
}
