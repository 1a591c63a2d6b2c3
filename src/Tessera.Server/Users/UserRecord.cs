using Tessera.Security.Certificates;

namespace Tessera.Server.Users;

/// <summary>A user document of admin.system.users: for X.509, a user in <c>$external</c> named by a certificate subject.</summary>
public sealed record UserRecord(string User, string Database, IReadOnlyList<MongoRole> Roles, Guid UserId)
{
    /// <summary>"user@db", the form mongod prints in messages.</summary>
    public string FullName => $"{User}@{Database}";
}
