using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Authorization;

/// <summary>
/// The action sets the built-in roles are made of, as the MongoDB manual ("Built-In Roles", 7.0/8.0)
/// lists them and mongod's <c>builtin_roles.cpp</c> names them (readRoleActions, readWriteRoleActions…).
/// </summary>
internal static class RoleActionGroups
{
    public static readonly ActionType[] Read =
    [
        ChangeStream, CollStats, DbHash, DbStats, Find, KillCursors, ListCollections, ListIndexes,
        ListSearchIndexes, PlanCacheRead,
    ];

    public static readonly ActionType[] ReadWrite =
    [
        .. Read,
        ConvertToCapped, CreateCollection, CreateIndex, CreateSearchIndexes, DropCollection, DropIndex,
        DropSearchIndex, Insert, Remove, RenameCollectionSameDB, Update, UpdateSearchIndex,
    ];

    // readWrite does not include dropDatabase; dbAdmin does.
    public static readonly ActionType[] DbAdmin =
    [
        BypassDocumentValidation, CollMod, CollStats, Compact, ConvertToCapped, CreateCollection,
        CreateIndex, DbStats, DropCollection, DropDatabase, DropIndex, EnableProfiler, ListCollections,
        ListIndexes, ListSearchIndexes, PlanCacheIndexFilter, PlanCacheRead, PlanCacheWrite, ReIndex,
        RenameCollectionSameDB, StorageDetails, Validate,
    ];

    // dbAdmin's actions on system.profile: read it, and drop, recreate or cap it.
    public static readonly ActionType[] Profile = [.. Read, ConvertToCapped, CreateCollection, DropCollection];

    public static readonly ActionType[] UserAdmin =
    [
        ChangeCustomData, ChangePassword, CreateRole, CreateUser, DropRole, DropUser, GrantRole,
        RevokeRole, SetAuthenticationRestriction, ViewRole, ViewUser,
    ];

    // userAdminAnyDatabase on admin.system.users and admin.system.roles.
    public static readonly ActionType[] ReadAndIndex = [.. Read, CreateIndex, DropIndex];

    public static readonly ActionType[] ClusterMonitorOnCluster =
    [
        ConnPoolStats, GetClusterParameter, GetCmdLineOpts, GetDefaultRWConcern, GetLog, GetParameter,
        GetShardMap, HostInfo, Inprog, ListDatabases, ListSessions, ListShards, Netstat, OperationMetrics,
        ReplSetGetConfig, ReplSetGetStatus, ServerStatus, ShardingState, Top,
    ];

    public static readonly ActionType[] ClusterMonitorOnDatabases =
    [
        CollStats, DbStats, GetDatabaseVersion, GetShardVersion, IndexStats,
    ];

    public static readonly ActionType[] ClusterManagerOnCluster =
    [
        AddShard, AppendOplogNote, ApplicationMessage, CleanupOrphaned, FlushRouterConfig,
        GetClusterParameter, GetDefaultRWConcern, ListSessions, ListShards, RemoveShard, ReplSetConfigure,
        ReplSetGetConfig, ReplSetGetStatus, ReplSetStateChange, Resync, SetClusterParameter,
        SetDefaultRWConcern, SetFeatureCompatibilityVersion,
    ];

    public static readonly ActionType[] ClusterManagerOnDatabases =
    [
        AnalyzeShardKey, ClearJumboFlag, ConfigureQueryAnalyzer, EnableSharding, MoveChunk,
        RefineCollectionShardKey, ReshardCollection, SplitChunk, SplitVector,
    ];

    // The sharding actions clusterManager also has on config and local, with plain writes.
    public static readonly ActionType[] ClusterManagerShardingWrites =
    [
        EnableSharding, Insert, MoveChunk, Remove, SplitChunk, SplitVector, Update,
    ];

    public static readonly ActionType[] HostManagerOnCluster =
    [
        ApplicationMessage, ConnPoolSync, DropConnections, FlushRouterConfig, Fsync, InvalidateUserCache,
        KillAnyCursor, KillAnySession, Killop, LogRotate, Resync, RotateCertificates, SetParameter,
        Shutdown, Touch, Unlock,
    ];

    // restore writes data without running validators, and recreates collections and indexes.
    public static readonly ActionType[] RestoreWrites =
    [
        BypassDocumentValidation, CollMod, ConvertToCapped, CreateCollection, CreateIndex, DropCollection, Insert,
    ];
}
