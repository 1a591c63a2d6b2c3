using Tessera.Security.Certificates;

namespace Tessera.Server.Authentication;

/// <summary>Who a connection is logged in as, and with which roles.</summary>
// FromStore: the roles come from a user document, which an administrator may change while the connection lives.
public sealed record AuthenticatedUser(string User, string Database, IReadOnlyList<MongoRole> Roles, string PrincipalName, bool IsClusterMember, bool FromStore = false)
{
    /// <summary>The internal user a cluster member becomes: universal privileges.</summary>
    public static AuthenticatedUser System(string principalName) =>
        new("__system", "local", [new MongoRole("__system", "admin")], principalName, IsClusterMember: true);

    public string FullName => $"{User}@{Database}";
}
