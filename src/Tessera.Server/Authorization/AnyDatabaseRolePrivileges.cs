using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Authorization;

/// <summary>
/// readAnyDatabase, readWriteAnyDatabase, userAdminAnyDatabase and dbAdminAnyDatabase, which exist only
/// on <c>admin</c>. They use <see cref="ResourcePattern.AnyNormalResource"/>, so they reach neither
/// system collections nor the <c>local</c> and <c>config</c> databases (see <see cref="ResourceSearchList"/>).
/// </summary>
internal static class AnyDatabaseRolePrivileges
{
    public static void AddReadAnyDatabase(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.Read);
        privileges.Add(ResourcePattern.ForCollectionName("system.js"), RoleActionGroups.Read);
        privileges.Add(ResourcePattern.Cluster, ListDatabases);
    }

    public static void AddReadWriteAnyDatabase(PrivilegeSet privileges)
    {
        AddReadAnyDatabase(privileges);
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.ReadWrite);
        privileges.Add(ResourcePattern.ForCollectionName("system.js"), RoleActionGroups.ReadWrite);
    }

    // Users live in admin.system.users whatever their database, so administering users anywhere needs
    // that collection and its neighbours by name.
    public static void AddUserAdminAnyDatabase(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.UserAdmin);
        privileges.Add(ResourcePattern.Cluster, AuthSchemaUpgrade, InvalidateUserCache, ListDatabases);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.users"), RoleActionGroups.ReadAndIndex);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.roles"), RoleActionGroups.ReadAndIndex);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.version"), RoleActionGroups.Read);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.new_users"), RoleActionGroups.ReadAndIndex);
        privileges.Add(ResourcePattern.ForNamespace("admin", "system.backup_users"), RoleActionGroups.ReadAndIndex);
    }

    public static void AddDbAdminAnyDatabase(PrivilegeSet privileges)
    {
        privileges.Add(ResourcePattern.Cluster, ListDatabases);
        privileges.Add(ResourcePattern.AnyNormalResource, RoleActionGroups.DbAdmin);
        privileges.Add(ResourcePattern.ForCollectionName("system.profile"), RoleActionGroups.Profile);
    }
}
