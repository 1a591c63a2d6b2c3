namespace Tessera.Server.Authorization;

/// <summary>
/// The error for a role that does not exist, e.g. granting <c>readAnyDatabase</c> on a database other
/// than <c>admin</c>. MongoDB 4.x and later say <c>Could not find role: readAnyDatabase@test</c>;
/// releases before them said <c>No role named readAnyDatabase@test</c>.
/// </summary>
public static class RoleNotFound
{
    public const int Code = 31;

    public const string CodeName = "RoleNotFound";

    public static string Message(RoleName role) => $"Could not find role: {role}";
}
