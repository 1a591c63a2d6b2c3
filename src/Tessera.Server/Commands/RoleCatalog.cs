using Tessera.Security.Certificates;

namespace Tessera.Server.Commands;

/// <summary>The roles a user may be granted: MongoDB's built-in roles, where they may be granted.</summary>
public static class RoleCatalog
{
    private static readonly HashSet<string> DatabaseRoles = ["read", "readWrite", "dbAdmin", "userAdmin", "dbOwner"];

    private static readonly HashSet<string> AdminOnlyRoles =
    [
        "clusterMonitor", "clusterManager", "clusterAdmin", "hostManager", "readAnyDatabase", "readWriteAnyDatabase",
        "userAdminAnyDatabase", "dbAdminAnyDatabase", "backup", "restore", "root", "__system",
    ];

    /// <summary>The role, or RoleNotFound (31) as mongod words it.</summary>
    public static MongoRole Require(MongoRole role) =>
        DatabaseRoles.Contains(role.Role) || (role.Db == "admin" && AdminOnlyRoles.Contains(role.Role))
            ? role
            : throw new CommandException(ErrorCode.RoleNotFound, $"Could not find role: {role}");
}
