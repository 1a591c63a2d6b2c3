namespace Tessera.Security.Membership;

/// <summary>
/// <c>enforceUserClusterSeparation</c> for createUser on <c>$external</c> (server-behavior.md §1.9): a user
/// whose name would be recognised as a cluster member could log in with a member's full privileges.
/// </summary>
public static class UserClusterSeparation
{
    public const string RefusalMessage =
        "Cannot create an x.509 user with a subjectname that would be recognized as an internal cluster member";

    /// <summary>
    /// True when creating <paramref name="userName"/> must be refused. The check is skipped when membership
    /// comes from the extension value, because then a subject alone never makes a member.
    /// </summary>
    public static bool WouldBeMember(string userName, ClusterMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return !membership.UsesExtensionValue && membership.IsMember(userName);
    }
}
