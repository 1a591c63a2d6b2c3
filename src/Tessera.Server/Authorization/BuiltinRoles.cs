using System.Collections.Frozen;
using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Authorization;

/// <summary>
/// MongoDB's built-in roles and the privileges each grants (the MongoDB manual, "Built-In Roles";
/// mongod source: <c>builtin_roles.cpp</c> and <c>RoleGraph::isBuiltinRole</c>).
/// </summary>
/// <remarks>
/// Database roles exist on every database with a valid name except <c>$external</c>, where users live
/// but roles do not. The other roles exist only on <c>admin</c>: <c>readAnyDatabase@test</c> is not a
/// role, and granting it is RoleNotFound (<see cref="RoleNotFound"/>). Left out: enableSharding,
/// directShardOperations, searchCoordinator and the other internal roles (__queryableBackup…), which
/// Tessera has no use for; looking them up gives null like any unknown role.
/// </remarks>
public static class BuiltinRoles
{
    public const string Read = "read";
    public const string ReadWrite = "readWrite";
    public const string DbAdmin = "dbAdmin";
    public const string UserAdmin = "userAdmin";
    public const string DbOwner = "dbOwner";
    public const string ReadAnyDatabase = "readAnyDatabase";
    public const string ReadWriteAnyDatabase = "readWriteAnyDatabase";
    public const string UserAdminAnyDatabase = "userAdminAnyDatabase";
    public const string DbAdminAnyDatabase = "dbAdminAnyDatabase";
    public const string ClusterMonitor = "clusterMonitor";
    public const string ClusterManager = "clusterManager";
    public const string HostManager = "hostManager";
    public const string ClusterAdmin = "clusterAdmin";
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Root = "root";

    /// <summary>The internal role: every action on every resource, as mongod gives cluster members.</summary>
    public const string InternalSystem = "__system";

    public const string AdminDatabase = "admin";

    private static readonly FrozenDictionary<string, Action<PrivilegeSet, string>> DatabaseRoles =
        new Dictionary<string, Action<PrivilegeSet, string>>
        {
            [Read] = DatabaseRolePrivileges.AddRead,
            [ReadWrite] = DatabaseRolePrivileges.AddReadWrite,
            [DbAdmin] = DatabaseRolePrivileges.AddDbAdmin,
            [UserAdmin] = DatabaseRolePrivileges.AddUserAdmin,
            [DbOwner] = DatabaseRolePrivileges.AddDbOwner,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Action<PrivilegeSet>> AdminOnlyRoles =
        new Dictionary<string, Action<PrivilegeSet>>
        {
            [ReadAnyDatabase] = AnyDatabaseRolePrivileges.AddReadAnyDatabase,
            [ReadWriteAnyDatabase] = AnyDatabaseRolePrivileges.AddReadWriteAnyDatabase,
            [UserAdminAnyDatabase] = AnyDatabaseRolePrivileges.AddUserAdminAnyDatabase,
            [DbAdminAnyDatabase] = AnyDatabaseRolePrivileges.AddDbAdminAnyDatabase,
            [ClusterMonitor] = ClusterRolePrivileges.AddClusterMonitor,
            [ClusterManager] = ClusterRolePrivileges.AddClusterManager,
            [HostManager] = ClusterRolePrivileges.AddHostManager,
            [ClusterAdmin] = ClusterRolePrivileges.AddClusterAdmin,
            [Backup] = BackupRestorePrivileges.AddBackup,
            [Restore] = BackupRestorePrivileges.AddRestore,
            [Root] = AddRoot,
            [InternalSystem] = AddInternalSystem,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The roles that exist on every database.</summary>
    public static IReadOnlyList<string> DatabaseRoleNames { get; } = [Read, ReadWrite, DbAdmin, UserAdmin, DbOwner];

    /// <summary>The roles that exist only on <c>admin</c>.</summary>
    public static IReadOnlyList<string> AdminOnlyRoleNames { get; } =
    [
        ReadAnyDatabase, ReadWriteAnyDatabase, UserAdminAnyDatabase, DbAdminAnyDatabase, ClusterMonitor,
        ClusterManager, HostManager, ClusterAdmin, Backup, Restore, Root, InternalSystem,
    ];

    public static bool Exists(RoleName role) => PrivilegesFor(role) is not null;

    /// <summary>
    /// The privileges the role grants, merged by resource; null when no such built-in role exists, for
    /// the caller to answer <see cref="RoleNotFound"/>.
    /// </summary>
    public static IReadOnlyList<Privilege>? PrivilegesFor(RoleName role)
    {
        if (role.Role is null || !IsRoleDatabase(role.Db))
            return null;

        var privileges = new PrivilegeSet();
        if (DatabaseRoles.TryGetValue(role.Role, out var addDatabaseRole))
            addDatabaseRole(privileges, role.Db);
        else if (role.Db == AdminDatabase && AdminOnlyRoles.TryGetValue(role.Role, out var addAdminRole))
            addAdminRole(privileges);
        else
            return null;
        return privileges.ToList();
    }

    // The manual: root combines readWriteAnyDatabase, dbAdminAnyDatabase, userAdminAnyDatabase,
    // clusterAdmin, restore and backup. mongod adds validate on every resource, so that root can
    // validate system collections. It does not add anyAction: root cannot, for example, write to
    // test.system.foo or read config.system.sessions.
    private static void AddRoot(PrivilegeSet privileges)
    {
        ClusterRolePrivileges.AddClusterAdmin(privileges);
        AnyDatabaseRolePrivileges.AddUserAdminAnyDatabase(privileges);
        AnyDatabaseRolePrivileges.AddDbAdminAnyDatabase(privileges);
        AnyDatabaseRolePrivileges.AddReadWriteAnyDatabase(privileges);
        BackupRestorePrivileges.AddBackup(privileges);
        BackupRestorePrivileges.AddRestore(privileges);
        privileges.Add(ResourcePattern.AnyResource, Validate);
    }

    private static void AddInternalSystem(PrivilegeSet privileges) =>
        privileges.Add(ResourcePattern.AnyResource, AnyAction);

    // mongod's NamespaceString::validDBName, with '$' allowed (as isBuiltinRole allows it) and
    // $external refused: external users hold roles defined elsewhere.
    private static bool IsRoleDatabase(string? db) =>
        !string.IsNullOrEmpty(db)
        && db.Length < 64
        && db != "$external"
        && db.IndexOfAny(['/', '\\', '.', ' ', '"', '\0']) < 0;
}
