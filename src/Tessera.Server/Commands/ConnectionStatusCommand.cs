using MongoDB.Bson;

namespace Tessera.Server.Commands;

/// <summary>connectionStatus: who this connection is logged in as, with which roles (server-behavior.md §1.6).</summary>
public static class ConnectionStatusCommand
{
    public static BsonDocument Run(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = new BsonArray();
        var roles = new BsonArray();
        if (context.Connection.User is { } user)
        {
            users.Add(new BsonDocument { { "user", user.User }, { "db", user.Database } });
            foreach (var role in user.Roles)
            {
                roles.Add(new BsonDocument { { "role", role.Role }, { "db", role.Db } });
            }
        }

        var authInfo = new BsonDocument { { "authenticatedUsers", users }, { "authenticatedUserRoles", roles } };
        if (context.OptionalBool("showPrivileges"))
        {
            authInfo.Add("authenticatedUserPrivileges", context.Authorization.PrivilegesToBson());
        }

        return new BsonDocument("authInfo", authInfo);
    }
}
