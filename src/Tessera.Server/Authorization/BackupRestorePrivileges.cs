using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Authorization;

/// <summary>
/// backup and restore, which exist only on <c>admin</c>: the least mongodump and mongorestore need.
/// Best effort from the MongoDB manual's lists; the exact internal collections they name have changed
/// between releases.
/// </summary>
internal static class BackupRestorePrivileges
{
    // Reading everything a dump contains: every normal collection (config and local included), the
    // user and role definitions, and collection and index listings everywhere.
    public static void AddBackup(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.Cluster, AppendOplogNote, GetParameter, ListDatabases, ServerStatus);
        privileges.Add(ResourcePattern.AnyResource, CollStats, ListCollections, ListIndexes);
        privileges.Add(ResourcePattern.AnyNormalResource, Find);
        privileges.Add(ResourcePattern.ForDatabase("config"), Find);
        privileges.Add(ResourcePattern.ForDatabase("local"), Find);
        foreach (var systemCollection in new[] { "system.js", "system.users", "system.profile" })
            privileges.Add(ResourcePattern.ForCollectionName(systemCollection), Find);
        foreach (var authCollection in new[] { "system.users", "system.roles", "system.version", "system.new_users", "system.backup_users" })
            privileges.Add(ResourcePattern.ForNamespace("admin", authCollection), Find);
        privileges.Add(ResourcePattern.ForNamespace("admin", "mms.backup"), Insert, Update);
        privileges.Add(ResourcePattern.ForNamespace("config", "settings"), Find, Insert, Update);
    }

    // Writing a dump back: data without validation, collections, indexes, users and roles.
    public static void AddRestore(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.RestoreWrites);
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.UserAdmin);
        privileges.Add(ResourcePattern.ForCollectionName("system.js"), RoleActionGroups.RestoreWrites);
        privileges.Add(ResourcePattern.ForDatabase("config"), RoleActionGroups.RestoreWrites);
        privileges.Add(ResourcePattern.ForDatabase("local"), RoleActionGroups.RestoreWrites);
        privileges.Add(ResourcePattern.AnyResource, ListCollections);
        privileges.Add(ResourcePattern.Cluster, ForceUUID, GetParameter, UseUUID);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.version"), [.. RoleActionGroups.RestoreWrites, Find]);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.users"), [.. RoleActionGroups.RestoreWrites, Find, Remove, Update]);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.roles"), CreateIndex);
    }
}
