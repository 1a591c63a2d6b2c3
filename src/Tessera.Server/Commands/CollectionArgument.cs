using Tessera.Query.Expressions;
using Tessera.Server.Authorization;
using Tessera.Storage;

namespace Tessera.Server.Commands;

/// <summary>
/// The collection a data command names in its first field (<c>{ insert: "orders", … }</c>) in the command's
/// database, and the checks every such command shares.
/// </summary>
internal static class CollectionArgument
{
    public static NamespaceString Of(CommandContext context)
    {
        var value = context.Command.GetElement(0).Value;
        return value.IsString
            ? new NamespaceString(context.Database, value.AsString) // an invalid name is InvalidNamespace (73)
            : throw new CommandException(ErrorCode.InvalidNamespace,
                $"collection name has invalid type {TypeNames.Of(value)}");
    }

    /// <summary>The command's privilege check: every action on the named collection.</summary>
    public static Func<CommandContext, bool> Requires(params ActionType[] actions) =>
        context =>
        {
            var ns = Of(context);
            return context.Authorization.IsAuthorizedForActionsOnNamespace(ns.DatabaseName, ns.CollectionName, actions);
        };

    /// <summary>
    /// System collections are the server's own (the users live in admin.system.users): clients change them only
    /// through their commands (createUser, dropUser, …), never by writing to them directly.
    /// </summary>
    public static NamespaceString Writable(CommandContext context)
    {
        var ns = Of(context);
        return ns.CollectionName.StartsWith("system.", StringComparison.Ordinal)
            ? throw new CommandException(ErrorCode.InvalidNamespace,
                $"cannot write to '{ns}': system collections are managed by the server (use createUser, dropUser, … for users)")
            : ns;
    }
}
