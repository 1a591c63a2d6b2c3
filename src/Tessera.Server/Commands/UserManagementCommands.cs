using MongoDB.Bson;
using Tessera.Security.Certificates;
using Tessera.Server.Authentication;
using Tessera.Server.Authorization;
using Tessera.Server.Configuration;
using Tessera.Server.Logging;
using Tessera.Server.Users;

namespace Tessera.Server.Commands;

/// <summary>
/// createUser, updateUser, dropUser, dropAllUsersFromDatabase, usersInfo, grantRolesToUser, revokeRolesFromUser.
/// Tessera authenticates with certificates only, so users live in <c>$external</c> and carry no password.
/// </summary>
public static class UserManagementCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("createUser", CreateUser, IsAuthorized: c => OnDatabase(c, ActionType.CreateUser) && MayGrant(c)),
        new("updateUser", UpdateUser, IsAuthorized: c => OnDatabase(c, ActionType.RevokeRole) && MayGrant(c)),
        new("dropUser", DropUser, IsAuthorized: c => OnDatabase(c, ActionType.DropUser)),
        new("dropAllUsersFromDatabase", DropAllUsers, IsAuthorized: c => OnDatabase(c, ActionType.DropUser)),
        new("usersInfo", UsersInfo, IsAuthorized: MayViewUsers),
        new("grantRolesToUser", context => ChangeRoles(context, grant: true), IsAuthorized: MayGrant),
        new("revokeRolesFromUser", context => ChangeRoles(context, grant: false), IsAuthorized: c => MayGrant(c, ActionType.RevokeRole)),
    ];

    private static BsonDocument CreateUser(CommandContext context)
    {
        var name = UserName(context);
        if (context.Command.Contains("pwd"))
        {
            throw new CommandException(ErrorCode.BadValue, context.Database == X509Authenticator.ExternalDatabase
                ? "Cannot set the password for users defined on the '$external' database"
                : "Tessera authenticates with X.509 certificates only: create the user in the '$external' database, named by the certificate subject");
        }

        if (context.Database != X509Authenticator.ExternalDatabase)
        {
            throw new CommandException(ErrorCode.BadValue,
                $"Tessera authenticates with X.509 certificates only: create \"{name}\" in the '$external' database, named by the certificate subject (tessera certs inspect shows it)");
        }

        GuardClusterSeparation(context, name);
        var user = new UserRecord(name, context.Database, Roles(context, "roles", required: true), Guid.NewGuid());
        if (!context.Server.Users.TryCreate(user))
        {
            throw new CommandException(ErrorCode.Location51003, $"User \"{user.FullName}\" already exists");
        }

        context.Server.Log.Info(LogComponents.Access, 20323, context.Connection.Name, "Created user", ("user", user.FullName));
        return [];
    }

    private static BsonDocument UpdateUser(CommandContext context)
    {
        var name = UserName(context);
        var roles = context.Command.Contains("roles") ? Roles(context, "roles", required: true) : null;
        if (!context.Server.Users.TryUpdateRoles(name, context.Database, existing => roles ?? existing))
        {
            throw NotFound(context, name);
        }

        return [];
    }

    private static BsonDocument DropUser(CommandContext context)
    {
        var name = UserName(context);
        if (!context.Server.Users.Drop(name, context.Database))
        {
            throw new CommandException(ErrorCode.UserNotFound, $"User '{name}@{context.Database}' not found");
        }

        return [];
    }

    private static BsonDocument DropAllUsers(CommandContext context) =>
        new("n", context.Server.Users.DropAll(context.Database));

    private static BsonDocument ChangeRoles(CommandContext context, bool grant)
    {
        var name = UserName(context);
        var change = Roles(context, "roles", required: true);
        if (!context.Server.Users.TryUpdateRoles(name, context.Database, existing => grant ? existing.Union(change).ToArray() : existing.Except(change).ToArray()))
        {
            throw NotFound(context, name);
        }

        return [];
    }

    private static BsonDocument UsersInfo(CommandContext context)
    {
        var users = context.Server.Users;
        IEnumerable<UserRecord> found = context.OptionalBool("forAllDBs") || context.Command.GetElement(0).Value.IsNumeric
            ? users.List(context.OptionalBool("forAllDBs") ? null : context.Database)
            : RequestedUsers(context).Select(u => users.Find(u.User, u.Database)).OfType<UserRecord>();
        return new BsonDocument("users", new BsonArray(found.Select(Describe)));
    }

    // {usersInfo: "name"}, {usersInfo: {user, db}} or a list of them; each names a user and its database.
    private static IReadOnlyList<(string User, string Database)> RequestedUsers(CommandContext context)
    {
        (string, string) One(BsonValue item) => item switch
        {
            BsonString name => (name.Value, context.Database),
            BsonDocument { } d when d.GetValue("user", BsonNull.Value) is BsonString user && d.GetValue("db", context.Database) is BsonString db => (user.Value, db.Value),
            _ => throw new CommandException(ErrorCode.BadValue, "usersInfo takes 1, a user name, a {user, db} document or an array of them"),
        };

        return context.Command.GetElement(0).Value is BsonArray list ? list.Select(One).ToArray() : [One(context.Command.GetElement(0).Value)];
    }

    private static BsonDocument Describe(UserRecord user) => new()
    {
        { "_id", $"{user.Database}.{user.User}" },
        { "userId", new BsonBinaryData(user.UserId, GuidRepresentation.Standard) },
        { "user", user.User },
        { "db", user.Database },
        { "roles", new BsonArray(user.Roles.Select(r => new BsonDocument { { "role", r.Role }, { "db", r.Db } })) },
        { "mechanisms", new BsonArray { "external" } },
    };

    // server-behavior.md §1.9: a $external user whose name makes it a cluster member would log in with full privileges.
    private static void GuardClusterSeparation(CommandContext context, string name)
    {
        var setup = context.Server.Setup;
        if (setup.TlsMode == TlsMode.Disabled || setup.Membership is not { } membership
            || !Security.Membership.UserClusterSeparation.WouldBeMember(name, membership))
        {
            return;
        }

        if (setup.EnforceUserClusterSeparation)
        {
            throw new CommandException(ErrorCode.BadValue, Security.Membership.UserClusterSeparation.RefusalMessage);
        }

        context.Server.Log.Warning(LogComponents.Access, 4593800, context.Connection.Name,
            "Creating user which would be considered a cluster member if clusterAuthMode enabled X509 authentication", ("user", name));
    }

    private static MongoRole Require(MongoRole role) =>
        BuiltinRoles.Exists(RoleName.FromCertificate(role))
            ? role
            : throw new CommandException(ErrorCode.RoleNotFound, RoleNotFound.Message(RoleName.FromCertificate(role)));

    private static bool OnDatabase(CommandContext context, ActionType action) =>
        context.Authorization.IsAuthorizedForActionsOnDatabase(context.Database, action);

    // Granting a role needs grantRole on the role's database (mongod's checkAuthorizedToGrantRoles).
    private static bool MayGrant(CommandContext context) => MayGrant(context, ActionType.GrantRole);

    private static bool MayGrant(CommandContext context, ActionType action) =>
        !context.Command.TryGetValue("roles", out var roles) || roles is not BsonArray array
        || array.All(role => context.Authorization.IsAuthorizedForActionsOnDatabase(
            role is BsonDocument d && d.TryGetValue("db", out var db) && db.IsString ? db.AsString : context.Database, action));

    // Everyone may look at their own user; anything else needs viewUser on the database of each user asked for.
    private static bool MayViewUsers(CommandContext context)
    {
        var authorization = context.Authorization;
        if (context.OptionalBool("forAllDBs"))
        {
            return authorization.IsAuthorizedForActions(ResourcePattern.Cluster, ActionType.ViewUser)
                || authorization.IsAuthorizedForActionsOnDatabase("admin", ActionType.ViewUser);
        }

        if (context.Command.GetElement(0).Value.IsNumeric)
        {
            return OnDatabase(context, ActionType.ViewUser);
        }

        var own = context.Connection.User;
        return RequestedUsers(context).All(u =>
            (own is not null && own.User == u.User && own.Database == u.Database)
            || authorization.IsAuthorizedForActionsOnDatabase(u.Database, ActionType.ViewUser));
    }

    private static string UserName(CommandContext context)
    {
        var value = context.Command.GetElement(0).Value;
        return value is BsonString { Value.Length: > 0 } s
            ? s.Value
            : throw new CommandException(ErrorCode.BadValue, $"{context.Name} must be given a non-empty user name");
    }

    private static CommandException NotFound(CommandContext context, string name) =>
        new(ErrorCode.UserNotFound, $"Could not find user \"{name}\" for db \"{context.Database}\"");

    private static IReadOnlyList<MongoRole> Roles(CommandContext context, string field, bool required)
    {
        if (!context.Command.TryGetValue(field, out var value))
        {
            return required ? throw new CommandException(new ErrorCode(40414, "Location40414"), $"BSON field '{context.Name}.{field}' is missing but a required field") : [];
        }

        if (value is not BsonArray array)
        {
            throw new CommandException(ErrorCode.TypeMismatch, $"\"{field}\" must be an array");
        }

        return array.Select(item => item switch
        {
            BsonString role => Require(new MongoRole(role.Value, context.Database)),
            BsonDocument { } d when d.TryGetValue("role", out var r) && r.IsString && d.TryGetValue("db", out var db) && db.IsString
                => Require(new MongoRole(r.AsString, db.AsString)),
            _ => throw new CommandException(ErrorCode.BadValue, "Role names must be either strings or objects with \"role\" and \"db\" fields"),
        }).Distinct().ToArray();
    }
}
