using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Server.Authorization;
using Tessera.Storage;
using Tessera.Storage.Indexes;

namespace Tessera.Server.Commands;

/// <summary>create, drop and listCollections.</summary>
public static class CollectionCommands
{
    private static readonly HashSet<string> CommandFields = new(StringComparer.Ordinal) { "$db", "lsid", "$clusterTime", "writeConcern", "comment", "$readPreference", "txnNumber", "autocommit", "apiVersion", "apiStrict", "apiDeprecationErrors" };

    private static readonly HashSet<string> PassiveCreateOptions = new(StringComparer.Ordinal) { "idIndex", "storageEngine", "indexOptionDefaults" };

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("create", Create, IsAuthorized: CollectionArgument.Requires(ActionType.CreateCollection)),
        new("drop", Drop, IsAuthorized: CollectionArgument.Requires(ActionType.DropCollection)),
        new("listCollections", ListCollections, IsAuthorized: MayListCollections),
        new("renameCollection", RenameCollection, IsAuthorized: MayRename),
    ];

    private static BsonDocument Create(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var options = new BsonDocument(context.Command.Skip(1).Where(e => !CommandFields.Contains(e.Name)));

        // Options that change how a collection behaves (capped, views, validation, time series, collation…) are
        // refused rather than stored and ignored.
        if (options.Names.FirstOrDefault(name => !PassiveCreateOptions.Contains(name)) is { } unsupported)
        {
            throw new CommandException(ErrorCode.InvalidOptions,
                $"the create option '{unsupported}' is not supported by Tessera; create the collection without it");
        }

        context.Server.Storage.CreateCollection(ns, options); // NamespaceExists (48) when it exists
        return [];
    }

    private static BsonDocument Drop(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var storage = context.Server.Storage;
        var indexes = storage.ListIndexes(ns).Count;

        // mongod 7.0 and later: dropping a collection that does not exist is not an error.
        return storage.DropCollection(ns)
            ? new BsonDocument { { "nIndexesWas", indexes }, { "ns", ns.ToString() } }
            : [];
    }

    // Without listCollections on the database, a user may still list the collections it can use, by name
    // (authorizedCollections with nameOnly), as in mongod.
    private static bool MayListCollections(CommandContext context) =>
        context.Authorization.IsAuthorizedForActionsOnDatabase(context.Database, ActionType.ListCollections)
        || (context.OptionalBool("authorizedCollections") && context.OptionalBool("nameOnly"));

    private static BsonDocument ListCollections(CommandContext context)
    {
        var filter = context.Command.GetValue("filter", new BsonDocument());
        if (!filter.IsBsonDocument)
        {
            throw new CommandException(ErrorCode.TypeMismatch,
                $"BSON field 'listCollections.filter' is the wrong type '{TypeNames.Of(filter)}', expected type 'object'");
        }

        var matches = Tessera.Query.Filters.Filter.Parse(filter.AsBsonDocument);
        var nameOnly = context.OptionalBool("nameOnly");
        var everything = !context.Server.Setup.AuthorizationEnabled
            || context.Authorization.IsAuthorizedForActionsOnDatabase(context.Database, ActionType.ListCollections);
        var batch = context.Server.Storage.ListCollections(context.Database)
            .Where(c => everything || context.Authorization.IsAuthorizedForAnyActionOnNamespace(c.Namespace.DatabaseName, c.Namespace.CollectionName))
            .Select(c => Describe(c, nameOnly))
            .Where(matches.Matches)
            .ToList();
        return CursorCommands.FirstBatch(context, $"{context.Database}.$cmd.listCollections", batch, CursorCommands.CursorBatchSize(context));
    }

    private static BsonDocument RenameCollection(CommandContext context)
    {
        if (context.Database != "admin")
        {
            throw new CommandException(ErrorCode.Unauthorized, "renameCollection may only be run against the admin database.");
        }

        var (from, to) = RenameNamespaces(context);
        foreach (var ns in new[] { from, to })
        {
            if (ns.CollectionName.StartsWith("system.", StringComparison.Ordinal))
            {
                throw new CommandException(ErrorCode.IllegalOperation, $"cannot rename '{ns}': system collections are managed by the server");
            }
        }

        context.Server.Storage.RenameCollection(from, to, context.OptionalBool("dropTarget"));
        return [];
    }

    // mongod's rule: within a database, renameCollectionSameDB; across databases, read and drop the source and
    // write and index the target. Dropping an existing target needs dropCollection on it.
    private static bool MayRename(CommandContext context)
    {
        var (from, to) = RenameNamespaces(context);
        var authorization = context.Authorization;
        var target = !context.OptionalBool("dropTarget") || authorization.IsAuthorizedForActionsOnNamespace(to.DatabaseName, to.CollectionName, ActionType.DropCollection);
        return target && (from.DatabaseName == to.DatabaseName
            ? authorization.IsAuthorizedForActionsOnDatabase(from.DatabaseName, ActionType.RenameCollectionSameDB)
            : authorization.IsAuthorizedForActionsOnNamespace(from.DatabaseName, from.CollectionName, ActionType.Find, ActionType.DropCollection)
                && authorization.IsAuthorizedForActionsOnNamespace(to.DatabaseName, to.CollectionName, ActionType.Insert, ActionType.CreateIndex));
    }

    private static (NamespaceString From, NamespaceString To) RenameNamespaces(CommandContext context)
    {
        var from = context.Command.GetElement(0).Value;
        var to = context.Command.GetValue("to", BsonNull.Value);
        return from.IsString && to.IsString
            ? (NamespaceString.Parse(from.AsString), NamespaceString.Parse(to.AsString))
            : throw new CommandException(ErrorCode.TypeMismatch, "renameCollection needs the source and 'to' as strings \"database.collection\"");
    }

    private static BsonDocument Describe(CollectionInfo collection, bool nameOnly)
    {
        var entry = new BsonDocument { { "name", collection.Namespace.CollectionName }, { "type", "collection" } };
        if (nameOnly)
        {
            return entry;
        }

        entry.Add("options", collection.Options.DeepClone());
        entry.Add("info", new BsonDocument { { "readOnly", false }, { "uuid", new BsonBinaryData(collection.Uuid, GuidRepresentation.Standard) } });
        entry.Add("idIndex", IndexSpec.Id.ToDocument());
        return entry;
    }
}
