using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Authorization;

/// <summary>
/// clusterMonitor, clusterManager, hostManager and clusterAdmin, which exist only on <c>admin</c>
/// (the MongoDB manual, "Cluster Administration Roles"). Tessera is a single server, but the roles keep
/// their replication and sharding actions so that <c>showPrivileges</c> matches mongod.
/// </summary>
internal static class ClusterRolePrivileges
{
    // Read-only monitoring: server statistics on the cluster, statistics on every database, and
    // reading the replication and sharding state in local and config.
    public static void AddClusterMonitor(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.Cluster, RoleActionGroups.ClusterMonitorOnCluster);
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.ClusterMonitorOnDatabases);
        DatabaseRolePrivileges.AddRead(privileges, "config");
        DatabaseRolePrivileges.AddRead(privileges, "local");
        privileges.Add(ResourcePattern.ForNamespace("local", "system.replset"), Find);
        privileges.Add(ResourcePattern.ForCollectionName("system.profile"), Find);
    }

    // Replication and sharding management; it may edit config and local (chunk metadata, replica
    // set state) but not other databases' data.
    public static void AddClusterManager(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.Cluster, RoleActionGroups.ClusterManagerOnCluster);
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.ClusterManagerOnDatabases);
        DatabaseRolePrivileges.AddRead(privileges, "config");
        privileges.Add(ResourcePattern.ForDatabase("config"), RoleActionGroups.ClusterManagerShardingWrites);
        privileges.Add(ResourcePattern.ForDatabase("local"), RoleActionGroups.ClusterManagerShardingWrites);
        privileges.Add(ResourcePattern.ForNamespace("local", "system.replset"), RoleActionGroups.Read);
    }

    public static void AddHostManager(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.Cluster, RoleActionGroups.HostManagerOnCluster);
        privileges.Add(ResourcePattern.AnyNormalResource, KillCursors);
    }

    // The manual: clusterAdmin is the three above "and additionally the dropDatabase action".
    public static void AddClusterAdmin(PrivilegeSet privileges)
    {
        AddClusterMonitor(privileges);
        AddHostManager(privileges);
        AddClusterManager(privileges);
        privileges.Add(ResourcePattern.AnyNormalResource, DropDatabase);
    }
}
