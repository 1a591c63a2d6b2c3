using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Server.Authorization;
using Tessera.Storage.Indexes;

namespace Tessera.Server.Commands;

/// <summary>createIndexes, listIndexes and dropIndexes: single-field and compound B-tree indexes, unique and sparse.</summary>
public static class IndexCommands
{
    private static readonly HashSet<string> SupportedOptions = new(StringComparer.Ordinal) { "key", "name", "unique", "sparse", "v", "background" };

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("createIndexes", CreateIndexes, IsAuthorized: CollectionArgument.Requires(ActionType.CreateIndex)),
        new("listIndexes", ListIndexes, IsAuthorized: CollectionArgument.Requires(ActionType.ListIndexes)),
        new("dropIndexes", DropIndexes, IsAuthorized: CollectionArgument.Requires(ActionType.DropIndex)) { Aliases = ["deleteIndexes"] },
    ];

    private static BsonDocument CreateIndexes(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        if (!context.Command.TryGetValue("indexes", out var requested) || requested is not BsonArray { Count: > 0 } list)
        {
            throw new CommandException(ErrorCode.BadValue, "Must specify at least one index to create");
        }

        var specs = list.Select(Parse).ToList();
        var storage = context.Server.Storage;
        var existed = storage.GetCollection(ns) is not null;
        var before = existed ? storage.ListIndexes(ns).Count : 1;
        using (var transaction = storage.BeginTransaction())
        {
            // One transaction: either every index of the command is built or none (a unique index over duplicates).
            foreach (var spec in specs)
            {
                transaction.CreateIndex(ns, spec);
            }

            transaction.Commit();
        }

        var after = storage.ListIndexes(ns).Count;
        var reply = new BsonDocument
        {
            { "numIndexesBefore", before },
            { "numIndexesAfter", after },
            { "createdCollectionAutomatically", !existed },
        };
        if (after == before)
        {
            reply.Add("note", "all indexes already exist");
        }

        return reply;
    }

    private static IndexSpec Parse(BsonValue value)
    {
        if (value is not BsonDocument document)
        {
            throw new CommandException(ErrorCode.TypeMismatch, $"The field 'indexes' must be an array of objects, found {TypeNames.Of(value)}");
        }

        if (document.Names.FirstOrDefault(n => !SupportedOptions.Contains(n)) is { } unsupported)
        {
            throw new CommandException(ErrorCode.InvalidIndexSpecificationOption,
                $"The field '{unsupported}' is not supported for an index specification by Tessera. Specification: {document}");
        }

        if (!document.TryGetValue("key", out var key) || key is not BsonDocument keyPattern)
        {
            throw new CommandException(ErrorCode.FailedToParse, $"Error in specification {document} :: caused by :: The 'key' field is a required property of an index specification");
        }

        var name = document.TryGetValue("name", out var given)
            ? given.IsString ? given.AsString : throw new CommandException(ErrorCode.TypeMismatch, $"The field 'name' must be a string: {document}")
            : null;
        return new IndexSpec(keyPattern, name, document.GetValue("unique", false).ToBoolean(), document.GetValue("sparse", false).ToBoolean());
    }

    private static BsonDocument ListIndexes(CommandContext context)
    {
        var ns = CollectionArgument.Of(context);
        var storage = context.Server.Storage;
        if (storage.GetCollection(ns) is null)
        {
            throw new CommandException(ErrorCode.NamespaceNotFound, $"ns does not exist: {ns}");
        }

        return CursorCommands.FirstBatch(context, $"{ns.DatabaseName}.$cmd.listIndexes.{ns.CollectionName}", storage.ListIndexes(ns).Select(i => i.ToDocument()), CursorCommands.CursorBatchSize(context));
    }

    private static BsonDocument DropIndexes(CommandContext context)
    {
        var ns = CollectionArgument.Writable(context);
        var storage = context.Server.Storage;
        if (storage.GetCollection(ns) is null)
        {
            throw new CommandException(ErrorCode.NamespaceNotFound, $"ns not found {ns}");
        }

        var indexes = storage.ListIndexes(ns);
        var names = Targets(context.Command.GetValue("index", BsonNull.Value), indexes);
        using (var transaction = storage.BeginTransaction())
        {
            foreach (var name in names)
            {
                if (!transaction.DropIndex(ns, name))
                {
                    throw new CommandException(ErrorCode.IndexNotFound, $"index not found with name [{name}]");
                }
            }

            transaction.Commit();
        }

        return new BsonDocument("nIndexesWas", indexes.Count);
    }

    // "*" (all but _id_), a name, a list of names, or a key pattern.
    private static List<string> Targets(BsonValue index, IReadOnlyList<IndexSpec> indexes) => index switch
    {
        BsonString { Value: "*" } => indexes.Where(i => !i.IsId).Select(i => i.Name).ToList(),
        BsonString name => [name.Value],
        BsonArray names when names.All(n => n.IsString) => names.Select(n => n.AsString).ToList(),
        BsonDocument key => [indexes.FirstOrDefault(i => i.Key.Equals(key))?.Name
            ?? throw new CommandException(ErrorCode.IndexNotFound, $"can't find index with key: {key}")],
        _ => throw new CommandException(ErrorCode.TypeMismatch, "dropIndexes 'index' must be \"*\", an index name, a list of names or a key pattern"),
    };
}
