using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;
using Tessera.Query.Projections;
using Tessera.Query.Sorting;
using Tessera.Server.Authorization;
using Tessera.Server.Queries;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>find, count and distinct: reads through the query planner and Tessera.Query's filter, sort and projection.</summary>
public static class QueryCommands
{
    /// <summary>find's default first batch, as mongod.</summary>
    private const int DefaultFirstBatch = 101;

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("find", Find, IsAuthorized: CollectionArgument.Requires(ActionType.Find)),
        new("count", Count, IsAuthorized: CollectionArgument.Requires(ActionType.Find)),
        new("distinct", Distinct, IsAuthorized: CollectionArgument.Requires(ActionType.Find)),
    ];

    /// <summary>A parsed find: what explain also needs.</summary>
    internal sealed record FindRequest(NamespaceString Namespace, BsonDocument Filter, Projection? Projection, SortSpec? Sort, long Skip, long? Limit, bool SingleBatch, BsonValue? Hint)
    {
        public static FindRequest Parse(CommandContext context)
        {
            var command = context.Command;
            var ns = CollectionArgument.Of(context);
            CommandArguments.RefuseCollation(command);
            var filter = CommandArguments.Document(context, "filter");
            var projection = CommandArguments.Document(context, "projection");
            var sort = CommandArguments.Document(context, "sort");
            var skip = CommandArguments.Number(command, "find", "skip") ?? 0;
            if (skip < 0)
            {
                throw new CommandException(new ErrorCode(51024, "Location51024"), $"BSON field 'skip' value must be >= 0, actual value '{skip}'");
            }

            var limit = CommandArguments.Number(command, "find", "limit");
            var singleBatch = context.OptionalBool("singleBatch");
            if (limit < 0)
            {
                // The legacy negative limit: that many documents, in one batch.
                limit = -limit;
                singleBatch = true;
            }

            return new FindRequest(ns, filter, projection.ElementCount == 0 ? null : Projection.ParseFind(projection, filter),
                sort.ElementCount == 0 ? null : SortSpec.Parse(sort), skip, limit is 0 ? null : limit, singleBatch, command.GetValue("hint", BsonNull.Value));
        }

        public IEnumerable<BsonDocument> Run(IDocumentReader reader, QueryExecution execution)
        {
            var matches = execution.Matches(reader);
            if (Sort is { } sort)
            {
                matches = matches.OrderBy(m => m.Document, sort); // stable, as mongod's sort
            }

            matches = matches.Skip((int)Math.Min(Skip, int.MaxValue));
            if (Limit is { } limit)
            {
                matches = matches.Take((int)Math.Min(limit, int.MaxValue));
            }

            return Projection is { } projection
                ? matches.Select(m => projection.Apply(m.Document, m.Details))
                : matches.Select(m => m.Document);
        }
    }

    private static BsonDocument Find(CommandContext context)
    {
        var request = FindRequest.Parse(context);
        var storage = context.Server.Storage;
        var execution = QueryExecution.Prepare(storage, request.Namespace, request.Filter, request.Hint);
        var batchSize = CursorCommands.TopLevelBatchSize(context) ?? DefaultFirstBatch;
        if (request.Limit is { } limit && limit < batchSize)
        {
            batchSize = (int)limit;
        }

        return CursorCommands.FirstBatch(context, request.Namespace.ToString(), request.Run(storage, execution), batchSize, request.SingleBatch);
    }

    private static BsonDocument Count(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        CommandArguments.RefuseCollation(context.Command);
        var storage = context.Server.Storage;
        var query = CommandArguments.Document(context, "query");
        var skip = Math.Max(0, CommandArguments.Number(context.Command, "count", "skip") ?? 0);
        var limit = Math.Abs(CommandArguments.Number(context.Command, "count", "limit") ?? 0);
        long count;
        if (query.ElementCount == 0 && !context.Command.Contains("hint"))
        {
            count = storage.Count(ns); // no filter: the collection's count, without reading documents
        }
        else
        {
            count = QueryExecution.Prepare(storage, ns, query, context.Command.GetValue("hint", BsonNull.Value)).Matches(storage).LongCount();
        }

        count = Math.Max(0, count - skip);
        return new BsonDocument("n", limit > 0 ? Math.Min(count, limit) : count);
    }

    private static BsonDocument Distinct(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        if (!context.Command.TryGetValue("key", out var key) || !key.IsString)
        {
            throw new CommandException(ErrorCode.TypeMismatch, key is null
                ? "BSON field 'distinct.key' is missing but a required field"
                : $"BSON field 'distinct.key' is the wrong type '{TypeNames.Of(key)}', expected type 'string'");
        }

        CommandArguments.RefuseCollation(context.Command);
        var storage = context.Server.Storage;
        var execution = QueryExecution.Prepare(storage, ns, CommandArguments.Document(context, "query"));
        var values = DistinctValues.Collect(execution.Matches(storage).Select(m => m.Document), key.AsString);
        var reply = new BsonDocument("values", values);
        return reply.ToBson().Length <= Wire.WireLimits.MaxBsonObjectSize
            ? reply
            : throw new CommandException(new ErrorCode(17217, "Location17217"), "distinct too big, 16mb cap");
    }
}
