using Tessera.Server.Authorization;
using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Tests.Authorization;

/// <summary>
/// Each built-in role against (resource, action) pairs, allowed and refused, following the MongoDB
/// manual's "Built-In Roles".
/// </summary>
public class BuiltinRoleTableTests
{
    public static TheoryData<string, string, ActionType, bool> Table => new()
    {
        // read: documents, listings and statistics of one database's normal collections and system.js.
        { "read@test", "ns:test.c", Find, true },
        { "read@test", "ns:test.c", ListIndexes, true },
        { "read@test", "ns:test.c", CollStats, true },
        { "read@test", "ns:test.c", KillCursors, true },
        { "read@test", "db:test", ListCollections, true },
        { "read@test", "db:test", DbStats, true },
        { "read@test", "ns:test.system.js", Find, true },
        { "read@test", "ns:test.c", Insert, false },
        { "read@test", "ns:test.c", Update, false },
        { "read@test", "ns:test.c", Remove, false },
        { "read@test", "ns:test.c", CreateIndex, false },
        { "read@test", "ns:test.c", KillAnyCursor, false },
        { "read@test", "ns:other.c", Find, false },
        { "read@test", "ns:test.system.users", Find, false },
        { "read@test", "ns:test.system.profile", Find, false },
        { "read@test", "cluster", ListDatabases, false },

        // readWrite: read plus writes, collections and indexes; not dropDatabase, not other databases.
        { "readWrite@test", "ns:test.c", Find, true },
        { "readWrite@test", "ns:test.c", Insert, true },
        { "readWrite@test", "ns:test.c", Update, true },
        { "readWrite@test", "ns:test.c", Remove, true },
        { "readWrite@test", "ns:test.c", CreateIndex, true },
        { "readWrite@test", "ns:test.c", DropIndex, true },
        { "readWrite@test", "ns:test.c", DropCollection, true },
        { "readWrite@test", "ns:test.c", RenameCollectionSameDB, true },
        { "readWrite@test", "db:test", CreateCollection, true },
        { "readWrite@test", "ns:test.system.js", Insert, true },
        { "readWrite@test", "db:test", DropDatabase, false },
        { "readWrite@test", "ns:test.c", BypassDocumentValidation, false },
        { "readWrite@test", "ns:other.c", Find, false },
        { "readWrite@test", "ns:other.c", Insert, false },
        { "readWrite@test", "ns:test.system.profile", Find, false },
        { "readWrite@test", "ns:test.system.users", Insert, false },
        { "readWrite@test", "db:test", CreateUser, false },

        // dbAdmin: administers collections without reading them, except the profiler's output.
        { "dbAdmin@test", "db:test", DropDatabase, true },
        { "dbAdmin@test", "ns:test.c", CreateIndex, true },
        { "dbAdmin@test", "ns:test.c", CollMod, true },
        { "dbAdmin@test", "ns:test.c", CollStats, true },
        { "dbAdmin@test", "ns:test.c", Validate, true },
        { "dbAdmin@test", "ns:test.c", BypassDocumentValidation, true },
        { "dbAdmin@test", "db:test", EnableProfiler, true },
        { "dbAdmin@test", "ns:test.system.profile", Find, true },
        { "dbAdmin@test", "ns:test.system.profile", DropCollection, true },
        { "dbAdmin@test", "ns:test.c", Find, false },
        { "dbAdmin@test", "ns:test.c", Insert, false },
        { "dbAdmin@test", "ns:test.system.profile", Insert, false },
        { "dbAdmin@test", "ns:other.c", CollStats, false },
        { "dbAdmin@test", "db:test", CreateUser, false },

        // userAdmin: users and roles of its own database only.
        { "userAdmin@test", "db:test", CreateUser, true },
        { "userAdmin@test", "db:test", DropUser, true },
        { "userAdmin@test", "db:test", ViewUser, true },
        { "userAdmin@test", "db:test", ViewRole, true },
        { "userAdmin@test", "db:test", GrantRole, true },
        { "userAdmin@test", "db:test", RevokeRole, true },
        { "userAdmin@test", "db:test", ChangePassword, true },
        { "userAdmin@test", "db:other", CreateUser, false },
        { "userAdmin@test", "db:admin", CreateUser, false },
        { "userAdmin@test", "ns:test.c", Find, false },
        { "userAdmin@test", "ns:admin.system.users", Find, false },

        // dbOwner: readWrite + dbAdmin + userAdmin on one database.
        { "dbOwner@test", "ns:test.c", Find, true },
        { "dbOwner@test", "ns:test.c", Insert, true },
        { "dbOwner@test", "db:test", DropDatabase, true },
        { "dbOwner@test", "db:test", CreateUser, true },
        { "dbOwner@test", "ns:test.system.profile", Find, true },
        { "dbOwner@test", "ns:other.c", Find, false },
        { "dbOwner@test", "cluster", ServerStatus, false },

        // readAnyDatabase: every normal collection outside local and config, plus listDatabases.
        { "readAnyDatabase@admin", "ns:test.c", Find, true },
        { "readAnyDatabase@admin", "ns:other.x", Find, true },
        { "readAnyDatabase@admin", "ns:admin.c", Find, true },
        { "readAnyDatabase@admin", "ns:test.system.js", Find, true },
        { "readAnyDatabase@admin", "cluster", ListDatabases, true },
        { "readAnyDatabase@admin", "ns:test.c", Insert, false },
        { "readAnyDatabase@admin", "ns:admin.system.users", Find, false },
        { "readAnyDatabase@admin", "ns:test.system.profile", Find, false },
        { "readAnyDatabase@admin", "ns:local.oplog.rs", Find, false },
        { "readAnyDatabase@admin", "ns:config.chunks", Find, false },
        { "readAnyDatabase@admin", "cluster", ServerStatus, false },

        // readWriteAnyDatabase.
        { "readWriteAnyDatabase@admin", "ns:test.c", Insert, true },
        { "readWriteAnyDatabase@admin", "ns:other.c", Remove, true },
        { "readWriteAnyDatabase@admin", "cluster", ListDatabases, true },
        { "readWriteAnyDatabase@admin", "db:test", DropDatabase, false },
        { "readWriteAnyDatabase@admin", "ns:admin.system.users", Insert, false },
        { "readWriteAnyDatabase@admin", "ns:local.startup_log", Insert, false },

        // userAdminAnyDatabase: users anywhere (but local and config), and reading the user store.
        { "userAdminAnyDatabase@admin", "db:test", CreateUser, true },
        { "userAdminAnyDatabase@admin", "db:admin", CreateUser, true },
        { "userAdminAnyDatabase@admin", "db:other", GrantRole, true },
        { "userAdminAnyDatabase@admin", "ns:admin.system.users", Find, true },
        { "userAdminAnyDatabase@admin", "cluster", ListDatabases, true },
        { "userAdminAnyDatabase@admin", "cluster", InvalidateUserCache, true },
        { "userAdminAnyDatabase@admin", "ns:admin.system.users", Insert, false },
        { "userAdminAnyDatabase@admin", "ns:test.c", Find, false },
        { "userAdminAnyDatabase@admin", "db:local", CreateUser, false },

        // dbAdminAnyDatabase.
        { "dbAdminAnyDatabase@admin", "db:test", DropDatabase, true },
        { "dbAdminAnyDatabase@admin", "ns:test.system.profile", Find, true },
        { "dbAdminAnyDatabase@admin", "ns:other.system.profile", DropCollection, true },
        { "dbAdminAnyDatabase@admin", "cluster", ListDatabases, true },
        { "dbAdminAnyDatabase@admin", "ns:test.c", Find, false },
        { "dbAdminAnyDatabase@admin", "cluster", ServerStatus, false },

        // clusterMonitor: read-only monitoring.
        { "clusterMonitor@admin", "cluster", ServerStatus, true },
        { "clusterMonitor@admin", "cluster", GetLog, true },
        { "clusterMonitor@admin", "cluster", GetCmdLineOpts, true },
        { "clusterMonitor@admin", "cluster", GetParameter, true },
        { "clusterMonitor@admin", "cluster", HostInfo, true },
        { "clusterMonitor@admin", "cluster", ConnPoolStats, true },
        { "clusterMonitor@admin", "cluster", Inprog, true },
        { "clusterMonitor@admin", "cluster", ListSessions, true },
        { "clusterMonitor@admin", "cluster", ListDatabases, true },
        { "clusterMonitor@admin", "ns:test.c", CollStats, true },
        { "clusterMonitor@admin", "db:test", DbStats, true },
        { "clusterMonitor@admin", "ns:config.chunks", Find, true },
        { "clusterMonitor@admin", "ns:local.oplog.rs", Find, true },
        { "clusterMonitor@admin", "ns:local.system.replset", Find, true },
        { "clusterMonitor@admin", "ns:test.system.profile", Find, true },
        { "clusterMonitor@admin", "cluster", SetParameter, false },
        { "clusterMonitor@admin", "cluster", Shutdown, false },
        { "clusterMonitor@admin", "cluster", Killop, false },
        { "clusterMonitor@admin", "ns:test.c", Insert, false },
        { "clusterMonitor@admin", "ns:test.c", Find, false },

        // clusterManager: replication and sharding management.
        { "clusterManager@admin", "cluster", ReplSetConfigure, true },
        { "clusterManager@admin", "ns:config.chunks", Insert, true },
        { "clusterManager@admin", "cluster", ServerStatus, false },
        { "clusterManager@admin", "cluster", Shutdown, false },
        { "clusterManager@admin", "ns:test.c", Insert, false },

        // hostManager: the process.
        { "hostManager@admin", "cluster", Shutdown, true },
        { "hostManager@admin", "cluster", Killop, true },
        { "hostManager@admin", "cluster", SetParameter, true },
        { "hostManager@admin", "cluster", KillAnyCursor, true },
        { "hostManager@admin", "cluster", RotateCertificates, true },
        { "hostManager@admin", "ns:test.c", KillCursors, true },
        { "hostManager@admin", "cluster", ServerStatus, false },
        { "hostManager@admin", "ns:test.c", Find, false },

        // clusterAdmin: the three cluster roles and dropDatabase; still no data.
        { "clusterAdmin@admin", "cluster", ServerStatus, true },
        { "clusterAdmin@admin", "cluster", Shutdown, true },
        { "clusterAdmin@admin", "cluster", ReplSetConfigure, true },
        { "clusterAdmin@admin", "cluster", SetParameter, true },
        { "clusterAdmin@admin", "db:test", DropDatabase, true },
        { "clusterAdmin@admin", "ns:test.c", Find, false },
        { "clusterAdmin@admin", "ns:test.c", Insert, false },
        { "clusterAdmin@admin", "db:test", CreateUser, false },

        // backup: reads everything a dump needs, writes nothing but its bookkeeping.
        { "backup@admin", "ns:test.c", Find, true },
        { "backup@admin", "ns:admin.system.users", Find, true },
        { "backup@admin", "ns:local.oplog.rs", Find, true },
        { "backup@admin", "ns:config.settings", Insert, true },
        { "backup@admin", "db:test", ListCollections, true },
        { "backup@admin", "cluster", ListDatabases, true },
        { "backup@admin", "ns:test.c", Insert, false },

        // restore: writes without validation, creates users; does not read data.
        { "restore@admin", "ns:test.c", Insert, true },
        { "restore@admin", "ns:test.c", BypassDocumentValidation, true },
        { "restore@admin", "ns:test.c", DropCollection, true },
        { "restore@admin", "ns:admin.system.users", Insert, true },
        { "restore@admin", "ns:admin.system.users", Update, true },
        { "restore@admin", "db:test", CreateUser, true },
        { "restore@admin", "ns:test.c", Find, false },
        { "restore@admin", "ns:test.c", Remove, false },

        // root: the union above plus validate everywhere; not anyAction.
        { "root@admin", "ns:test.c", Find, true },
        { "root@admin", "ns:test.c", Insert, true },
        { "root@admin", "ns:test.c", Update, true },
        { "root@admin", "ns:test.c", Remove, true },
        { "root@admin", "db:test", DropDatabase, true },
        { "root@admin", "db:test", CreateUser, true },
        { "root@admin", "cluster", Shutdown, true },
        { "root@admin", "cluster", ServerStatus, true },
        { "root@admin", "cluster", SetParameter, true },
        { "root@admin", "cluster", ListDatabases, true },
        { "root@admin", "ns:admin.system.users", Find, true },
        { "root@admin", "ns:admin.system.users", Insert, true },
        { "root@admin", "ns:test.system.foo", Validate, true },
        { "root@admin", "ns:test.system.foo", Find, false },
        { "root@admin", "ns:config.system.sessions", Find, false },
        { "root@admin", "ns:admin.system.roles", Insert, false },
        { "root@admin", "cluster", Internal, false },

        // __system: everything.
        { "__system@admin", "ns:config.system.sessions", Find, true },
        { "__system@admin", "ns:test.system.foo", Insert, true },
        { "__system@admin", "cluster", Internal, true },
        { "__system@admin", "cluster", Shutdown, true },
        { "__system@admin", "db:local", DropDatabase, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_allows_exactly_what_mongodb_grants(string role, string resource, ActionType action, bool allowed)
    {
        var at = role.IndexOf('@', StringComparison.Ordinal);
        var state = AuthorizationState.ForRoles(new RoleName(role[..at], role[(at + 1)..]));
        Assert.Empty(state.UnknownRoles);

        Assert.Equal(allowed, state.IsAuthorizedForActions(TestResources.Parse(resource), action));
    }

    [Fact]
    public void Every_action_is_allowed_to_system_and_not_every_action_to_root()
    {
        var system = AuthorizationState.ForRoles(new RoleName("__system", "admin"));
        var root = AuthorizationState.ForRoles(new RoleName("root", "admin"));
        var everyAction = Enum.GetValues<ActionType>();

        foreach (var resource in new[] { "cluster", "any", "db:local", "ns:config.system.sessions", "ns:test.c" })
            Assert.True(system.IsAuthorizedForActions(TestResources.Parse(resource), everyAction), resource);
        Assert.False(root.IsAuthorizedForActions(ResourcePattern.AnyResource, Find));
    }
}
