using Tessera.Server.Authorization;

namespace Tessera.Server.Authentication;

/// <summary>One client connection's state: its id, its peer identity from TLS, and who it is logged in as.</summary>
public sealed class ConnectionState
{
    public ConnectionState(long id, string remoteAddress, bool isLoopback, bool isTls, PeerIdentity peer)
    {
        Id = id;
        RemoteAddress = remoteAddress;
        IsLoopback = isLoopback;
        IsTls = isTls;
        Peer = peer;
    }

    public long Id { get; }

    /// <summary>The log context, as mongod names it: "conn12".</summary>
    public string Name => $"conn{Id}";

    public string RemoteAddress { get; }

    public bool IsLoopback { get; }

    public bool IsTls { get; }

    public PeerIdentity Peer { get; }

    public AuthenticatedUser? User { get; private set; }

    /// <summary>Set when the client's hello says it is a mongod or mongos (internalClient).</summary>
    public bool IsInternalClient { get; set; }

    /// <summary>How long to wait before sending the current reply (authFailedDelayMs after a failed login).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>The first hello's client metadata has been seen (it may not change afterwards).</summary>
    public bool HasClientMetadata { get; set; }

    /// <summary>What the logged-in user may do: computed once at login from its roles.</summary>
    public AuthorizationState Authorization { get; private set; } = AuthorizationState.Unauthenticated;

    /// <summary>The user store's generation when the roles were last read.</summary>
    public long UserGeneration { get; private set; }

    public void Login(AuthenticatedUser user, long userGeneration = 0)
    {
        ArgumentNullException.ThrowIfNull(user);
        User = user;
        UserGeneration = userGeneration;
        Authorization = user.IsClusterMember
            ? AuthorizationState.ForInternalSystemUser()
            : AuthorizationState.ForRoles(user.Roles.Select(RoleName.FromCertificate));
    }

    public void Logout()
    {
        User = null;
        Authorization = AuthorizationState.Unauthenticated;
    }
}
