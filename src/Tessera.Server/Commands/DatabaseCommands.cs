using MongoDB.Bson;
using Tessera.Server.Authorization;

namespace Tessera.Server.Commands;

/// <summary>listDatabases and dropDatabase.</summary>
public static class DatabaseCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("listDatabases", ListDatabases, IsAuthorized: MayListDatabases),
        new("dropDatabase", DropDatabase, IsAuthorized: c => c.Authorization.IsAuthorizedForActionsOnDatabase(c.Database, ActionType.DropDatabase)),
    ];

    // Without the listDatabases privilege a user still sees the databases it may use (authorizedDatabases),
    // unless it asks for all of them with authorizedDatabases: false.
    private static bool MayListDatabases(CommandContext context) =>
        context.Authorization.IsAuthorizedForActionsOnCluster(ActionType.ListDatabases)
        || !context.Command.TryGetValue("authorizedDatabases", out var asked) || asked.ToBoolean();

    private static BsonDocument ListDatabases(CommandContext context)
    {
        if (context.Database != "admin")
        {
            throw new CommandException(ErrorCode.Unauthorized, "listDatabases may only be run against the admin database.");
        }

        var filter = Tessera.Query.Filters.Filter.Parse(CommandArguments.Document(context, "filter"));
        var storage = context.Server.Storage;
        var seeAll = !context.Server.Setup.AuthorizationEnabled || context.Authorization.IsAuthorizedForActionsOnCluster(ActionType.ListDatabases);
        var names = storage.ListDatabaseNames().Where(name => seeAll || context.Authorization.IsAuthorizedForAnyActionOn(name)).ToList();
        if (context.OptionalBool("nameOnly"))
        {
            return new BsonDocument("databases", new BsonArray(names.Select(name => new BsonDocument("name", name)).Where(filter.Matches)));
        }

        // The filter sees each entry as listed (name, sizeOnDisk, empty), as in mongod.
        var databases = names.Select(name => new BsonDocument
        {
            { "name", name },
            { "sizeOnDisk", storage.DataSize(name) },
            { "empty", false },
        }).Where(filter.Matches).ToList();
        var total = databases.Sum(d => d["sizeOnDisk"].AsInt64);
        return new BsonDocument
        {
            { "databases", new BsonArray(databases) },
            { "totalSize", total },
            { "totalSizeMb", total / (1024 * 1024) },
        };
    }

    private static BsonDocument DropDatabase(CommandContext context)
    {
        if (context.Database == "admin")
        {
            // The users live in admin.system.users; dropping them with the database would bypass the user commands.
            throw new CommandException(ErrorCode.IllegalOperation,
                "Tessera keeps its users in the admin database, which cannot be dropped; remove users with dropUser or dropAllUsersFromDatabase");
        }

        context.Server.Storage.DropDatabase(context.Database);
        return new BsonDocument("dropped", context.Database);
    }
}
