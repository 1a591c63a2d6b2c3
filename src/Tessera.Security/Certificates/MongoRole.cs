namespace Tessera.Security.Certificates;

/// <summary>
/// One entry of the mongoRoles certificate extension: a role granted on a database, as mongod's
/// <c>RoleName(role, db)</c>.
/// </summary>
public readonly record struct MongoRole(string Role, string Db)
{
    public override string ToString() => $"{Role}@{Db}";
}
