namespace Tessera.Server.Authorization;

/// <summary>
/// MongoDB's privilege actions ("Privilege Actions" in the MongoDB manual, mongod source:
/// <c>src/mongo/db/auth/action_type.idl</c>). A member's MongoDB name is its name with the first letter
/// lowered (<see cref="ActionTypeNames"/>); that name is what <c>connectionStatus</c> shows.
/// </summary>
/// <remarks>
/// The list holds the actions Tessera's commands check and every action the built-in roles grant, so
/// that <c>showPrivileges</c> lists what a real mongod lists. Actions of features Tessera does not have
/// (sharding, search indexes, replication) are kept because the roles grant them.
/// There is no <c>updateUser</c> action in MongoDB: the <c>updateUser</c> command checks
/// <see cref="ChangePassword"/> (or <see cref="ChangeOwnPassword"/> for oneself),
/// <see cref="ChangeCustomData"/>, <see cref="RevokeRole"/> on the user's database and
/// <see cref="GrantRole"/> on the database of each granted role, and
/// <see cref="SetAuthenticationRestriction"/>, depending on the fields it changes. <c>grantRolesToUser</c> checks <see cref="GrantRole"/> and
/// <c>revokeRolesFromUser</c> <see cref="RevokeRole"/>, each on the database of the role named.
/// Free-monitoring actions (removed in MongoDB 7.0) and the time-series bucket resources are left out.
/// </remarks>
public enum ActionType
{
    // Reading.
    Find,
    ChangeStream,
    CollStats,
    DbStats,
    DbHash,
    IndexStats,
    ListCollections,
    ListIndexes,
    ListSearchIndexes,
    ListDatabases,
    KillCursors,
    KillAnyCursor,
    PlanCacheRead,

    // Writing.
    Insert,
    Update,
    Remove,
    BypassDocumentValidation,

    // Collections, indexes and databases.
    CreateCollection,
    DropCollection,
    DropDatabase,
    CreateIndex,
    DropIndex,
    RenameCollectionSameDB,
    ConvertToCapped,
    CollMod,
    Compact,
    ReIndex,
    Validate,
    EnableProfiler,
    PlanCacheWrite,
    PlanCacheIndexFilter,
    StorageDetails,
    CreateSearchIndexes,
    DropSearchIndex,
    UpdateSearchIndex,

    // Users and roles.
    CreateUser,
    DropUser,
    ViewUser,
    CreateRole,
    DropRole,
    ViewRole,
    GrantRole,
    RevokeRole,
    ChangePassword,
    ChangeCustomData,
    ChangeOwnPassword,
    ChangeOwnCustomData,
    SetAuthenticationRestriction,
    AuthSchemaUpgrade,
    InvalidateUserCache,

    // Server monitoring.
    ServerStatus,
    GetCmdLineOpts,
    GetLog,
    GetParameter,
    HostInfo,
    ConnPoolStats,
    ListSessions,
    Inprog,
    Netstat,
    Top,
    OperationMetrics,
    GetDefaultRWConcern,
    GetClusterParameter,

    // Server management.
    SetParameter,
    Shutdown,
    Killop,
    KillAnySession,
    LogRotate,
    RotateCertificates,
    Fsync,
    Unlock,
    Touch,
    ConnPoolSync,
    DropConnections,
    ApplicationMessage,
    SetDefaultRWConcern,
    SetClusterParameter,
    SetFeatureCompatibilityVersion,

    // Replication.
    AppendOplogNote,
    ReplSetConfigure,
    ReplSetGetConfig,
    ReplSetGetStatus,
    ReplSetStateChange,
    Resync,

    // Sharding.
    AddShard,
    RemoveShard,
    ListShards,
    GetShardMap,
    ShardingState,
    FlushRouterConfig,
    CleanupOrphaned,
    EnableSharding,
    MoveChunk,
    SplitChunk,
    SplitVector,
    ClearJumboFlag,
    RefineCollectionShardKey,
    ReshardCollection,
    AnalyzeShardKey,
    ConfigureQueryAnalyzer,
    GetShardVersion,
    GetDatabaseVersion,

    // Restore.
    ForceUUID,
    UseUUID,

    // Internal: cluster members and __system.
    Internal,

    /// <summary>Every action; mongod's ActionSet sets every bit when this one is added.</summary>
    AnyAction,
}
