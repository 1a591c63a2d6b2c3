namespace Tessera.Server.Authorization;

/// <summary>
/// The patterns whose privileges apply to a resource: mongod's <c>buildResourceSearchList</c>
/// (<c>authorization_session_impl.cpp</c>). A privilege applies when its pattern equals one of them.
/// </summary>
/// <remarks>
/// The rules this gives:
/// <list type="bullet">
/// <item><c>anyResource</c> applies to everything.</item>
/// <item>A database pattern applies to the database and to its normal collections, never to its
/// <c>system.*</c> collections (nor to <c>local.replset.*</c>).</item>
/// <item><c>anyNormalResource</c> applies to every database and every normal collection, except in
/// <c>local</c> and <c>config</c>: mongod keeps replication and sharding state there, away from the
/// "any database" roles. This is why readAnyDatabase cannot read <c>local.oplog.rs</c> (the manual says so
/// since 3.4) while read@local can.</item>
/// <item>A collection-name pattern applies to that collection in every database, system names included
/// (how readAnyDatabase reaches <c>system.js</c>).</item>
/// <item>The cluster resource is reached only by <c>{cluster: true}</c> and <c>anyResource</c>.</item>
/// </list>
/// </remarks>
public static class ResourceSearchList
{
    public static IReadOnlyList<ResourcePattern> For(ResourcePattern target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var patterns = new List<ResourcePattern>(5) { ResourcePattern.AnyResource };
        switch (target.Kind)
        {
            case ResourcePatternKind.ExactNamespace:
                if (SystemCollections.IsNormal(target.Database, target.Collection))
                {
                    if (!IsInternalDatabase(target.Database))
                        patterns.Add(ResourcePattern.AnyNormalResource);
                    patterns.Add(ResourcePattern.ForDatabase(target.Database));
                }

                patterns.Add(ResourcePattern.ForCollectionName(target.Collection));
                break;
            case ResourcePatternKind.Database:
                if (!IsInternalDatabase(target.Database))
                    patterns.Add(ResourcePattern.AnyNormalResource);
                break;
        }

        if (target.Kind != ResourcePatternKind.AnyResource)
            patterns.Add(target);
        return patterns;
    }

    private static bool IsInternalDatabase(string database) => database is "local" or "config";
}
