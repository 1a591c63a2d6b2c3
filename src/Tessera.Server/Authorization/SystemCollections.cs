namespace Tessera.Server.Authorization;

/// <summary>
/// Which collections database-wide privileges leave out (mongod source: <c>NamespaceString::isSystem</c>
/// and <c>isNormalCollection</c>).
/// </summary>
public static class SystemCollections
{
    /// <summary>System collections (<c>system.users</c>, <c>system.profile</c>, <c>system.js</c>…) are reached only by privileges that name them.</summary>
    public static bool IsSystem(string collection) => collection.StartsWith("system.", StringComparison.Ordinal);

    /// <summary>
    /// A normal collection is matched by its database's privileges. Besides <c>system.*</c>, mongod
    /// treats <c>local.replset.*</c> (replication state) as not normal.
    /// </summary>
    public static bool IsNormal(string database, string collection) =>
        !IsSystem(collection)
        && !(database == "local" && collection.StartsWith("replset.", StringComparison.Ordinal));
}
