using MongoDB.Bson;
using Tessera.Server.Authorization;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>serverStatus, dbStats and collStats: what monitoring tools and shells ask about a running server.</summary>
public static class StatisticsCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("serverStatus", ServerStatus, IsAuthorized: c => c.Authorization.IsAuthorizedForActionsOnCluster(ActionType.ServerStatus)),
        new("dbStats", DbStats, IsAuthorized: c => c.Authorization.IsAuthorizedForActionsOnDatabase(c.Database, ActionType.DbStats)),
        new("collStats", CollStats, IsAuthorized: CollectionArgument.Requires(ActionType.CollStats)),
    ];

    private static BsonDocument ServerStatus(CommandContext context)
    {
        var server = context.Server;
        var now = server.Time.GetUtcNow();
        var uptime = now - server.StartedAt;
        var statistics = server.Statistics;
        return new BsonDocument
        {
            { "host", Environment.MachineName },
            { "version", ServerInfo.MongoDbVersion },
            { "process", "mongod" },
            { "pid", (long)Environment.ProcessId },
            { "uptime", Math.Floor(uptime.TotalSeconds) },
            { "uptimeMillis", (long)uptime.TotalMilliseconds },
            { "uptimeEstimate", (long)uptime.TotalSeconds },
            { "localTime", new BsonDateTime(now.UtcDateTime) },
            {
                "connections", new BsonDocument
                {
                    { "current", (int)statistics.CurrentConnections },
                    { "available", (int)Math.Max(0, server.Setup.MaxConnections - statistics.CurrentConnections) },
                    { "totalCreated", statistics.TotalConnections },
                }
            },
            { "opcounters", statistics.OperationCounters() },
            { "metrics", new BsonDocument("cursor", new BsonDocument("open", new BsonDocument("total", (long)server.Cursors.Count))) },
            { "storageEngine", new BsonDocument { { "name", "sqlite" }, { "persistent", true } } },
        };
    }

    private static BsonDocument DbStats(CommandContext context)
    {
        var scale = Scale(context);
        var storage = context.Server.Storage;
        var collections = storage.ListCollections(context.Database)
            .Select(c => storage.Statistics(c.Namespace))
            .OfType<CollectionStatistics>()
            .ToList();
        var objects = collections.Sum(c => c.Count);
        var dataSize = collections.Sum(c => c.DataSize);
        var indexSize = collections.Sum(c => c.IndexSizes.Values.Sum());
        return new BsonDocument
        {
            { "db", context.Database },
            { "collections", collections.Count },
            { "views", 0 },
            { "objects", objects },
            { "avgObjSize", objects == 0 ? 0.0 : (double)dataSize / objects },
            { "dataSize", (double)dataSize / scale },
            { "storageSize", (double)dataSize / scale },
            { "indexes", collections.Sum(c => c.IndexSizes.Count) },
            { "indexSize", (double)indexSize / scale },
            { "totalSize", (double)(dataSize + indexSize) / scale },
            { "scaleFactor", scale },
        };
    }

    private static BsonDocument CollStats(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        var scale = Scale(context);
        var statistics = context.Server.Storage.Statistics(ns)
            ?? throw new CommandException(ErrorCode.NamespaceNotFound, $"Collection [{ns}] not found.");
        var indexSize = statistics.IndexSizes.Values.Sum();
        return new BsonDocument
        {
            { "ns", ns.ToString() },
            { "size", statistics.DataSize / scale },
            { "count", statistics.Count },
            { "avgObjSize", statistics.Count == 0 ? 0 : statistics.DataSize / statistics.Count },
            { "storageSize", statistics.DataSize / scale },
            { "freeStorageSize", 0 },
            { "capped", false },
            { "nindexes", statistics.IndexSizes.Count },
            { "indexBuilds", new BsonArray() },
            { "totalIndexSize", indexSize / scale },
            { "totalSize", (statistics.DataSize + indexSize) / scale },
            { "indexSizes", new BsonDocument(statistics.IndexSizes.Select(i => new BsonElement(i.Key, i.Value / scale))) },
            { "scaleFactor", scale },
        };
    }

    private static long Scale(CommandContext context)
    {
        if (!context.Command.TryGetValue("scale", out var value))
        {
            return 1;
        }

        return value.IsNumeric && value.ToDouble() >= 1
            ? (long)value.ToDouble()
            : throw new CommandException(ErrorCode.BadValue, "Scale factor must be greater than zero");
    }
}
