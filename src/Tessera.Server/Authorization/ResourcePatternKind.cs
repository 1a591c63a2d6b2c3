namespace Tessera.Server.Authorization;

/// <summary>The shapes of resource MongoDB privileges name (mongod source: <c>resource_pattern.h</c>).</summary>
public enum ResourcePatternKind
{
    /// <summary><c>{anyResource: true}</c>: everything, system collections and the cluster included.</summary>
    AnyResource,

    /// <summary><c>{cluster: true}</c>: server-wide operations.</summary>
    Cluster,

    /// <summary><c>{db: "", collection: ""}</c>: every database but <c>local</c> and <c>config</c>, and their normal collections.</summary>
    AnyNormalResource,

    /// <summary><c>{db: "x", collection: ""}</c>: a database and its normal collections.</summary>
    Database,

    /// <summary><c>{db: "", collection: "x"}</c>: a collection of that name in every database.</summary>
    CollectionName,

    /// <summary><c>{db: "x", collection: "y"}</c>: one namespace.</summary>
    ExactNamespace,
}
