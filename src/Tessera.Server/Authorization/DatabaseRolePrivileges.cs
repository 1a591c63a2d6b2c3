namespace Tessera.Server.Authorization;

/// <summary>
/// The roles every database has: read, readWrite, dbAdmin, userAdmin and dbOwner
/// (mongod source: <c>addReadOnlyDbPrivileges</c> and its siblings in <c>builtin_roles.cpp</c>).
/// </summary>
internal static class DatabaseRolePrivileges
{
    // The database pattern reaches the normal collections; system.js is the one system collection
    // read and readWrite name (the manual: "all non-system collections and the system.js collection").
    public static void AddRead(PrivilegeSet privileges, string db)
    {
        privileges.Add(ResourcePattern.ForDatabase(db), RoleActionGroups.Read);
        privileges.Add(ResourcePattern.ForNamespace(db, "system.js"), RoleActionGroups.Read);
    }

    public static void AddReadWrite(PrivilegeSet privileges, string db)
    {
        AddRead(privileges, db);
        privileges.Add(ResourcePattern.ForDatabase(db), RoleActionGroups.ReadWrite);
        privileges.Add(ResourcePattern.ForNamespace(db, "system.js"), RoleActionGroups.ReadWrite);
    }

    // dbAdmin administers collections but cannot read their documents; the profiler's output is the
    // exception, which it may read, drop and recreate.
    public static void AddDbAdmin(PrivilegeSet privileges, string db)
    {
        privileges.Add(ResourcePattern.ForDatabase(db), RoleActionGroups.DbAdmin);
        privileges.Add(ResourcePattern.ForNamespace(db, "system.profile"), RoleActionGroups.Profile);
    }

    public static void AddUserAdmin(PrivilegeSet privileges, string db) =>
        privileges.Add(ResourcePattern.ForDatabase(db), RoleActionGroups.UserAdmin);

    public static void AddDbOwner(PrivilegeSet privileges, string db)
    {
        AddReadWrite(privileges, db);
        AddDbAdmin(privileges, db);
        AddUserAdmin(privileges, db);
    }
}
