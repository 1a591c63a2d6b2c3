using System.Text;
using Tessera.Server.Commands;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;

namespace Tessera.Server.Authentication;

/// <summary>
/// MONGODB-X509 as mongod (master) runs it, for <c>authenticate</c>, <c>saslStart</c> and
/// <c>speculativeAuthenticate</c> alike (server-behavior.md §1.3): the verified subject is the principal, a given
/// user must equal it byte for byte, members become <c>__system</c>, everyone else needs a <c>$external</c> user
/// or roles in the certificate.
/// </summary>
public sealed class X509Authenticator
{
    public const string Mechanism = "MONGODB-X509";
    public const string ExternalDatabase = "$external";

    private readonly ServerSetup _setup;
    private readonly IUserStore _users;
    private readonly ServerLog _log;

    public X509Authenticator(ServerSetup setup, IUserStore users, ServerLog log)
    {
        _setup = setup;
        _users = users;
        _log = log;
    }

    /// <summary>Authenticates the connection; throws <see cref="AuthenticationFailure"/> with the unmasked reason.</summary>
    public AuthenticatedUser Authenticate(ConnectionState connection, string mechanism, string database, string? requestedUser, bool speculative) =>
        Authenticate(connection, mechanism, database, () => requestedUser, speculative);

    /// <summary>
    /// The same, reading the requested user (a SASL payload, say) inside the attempt, so that a payload that does not
    /// decode is a failed login like any other: logged, and delayed by authFailedDelayMs.
    /// </summary>
    public AuthenticatedUser Authenticate(ConnectionState connection, string mechanism, string database, Func<string?> readRequestedUser, bool speculative)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(readRequestedUser);
        string? requestedUser = null;
        try
        {
            requestedUser = readRequestedUser();
            var user = Run(connection, mechanism, database, requestedUser);
            connection.Login(user, _users.Generation);
            _log.Info(LogComponents.Access, 5286306, connection.Name, "Successfully authenticated",
                ("client", connection.RemoteAddress), ("isSpeculative", speculative), ("isClusterMember", user.IsClusterMember),
                ("mechanism", Mechanism), ("user", user.PrincipalName), ("db", ExternalDatabase));
            return user;
        }
        catch (AuthenticationFailure failure)
        {
            // mongod's doSaslStep sleeps before failing; Tessera delays the reply instead of holding a thread.
            connection.ReplyDelay = _setup.AuthFailedDelay;

            _log.Info(LogComponents.Access, 5286307, connection.Name, "Failed to authenticate",
                ("client", connection.RemoteAddress), ("isSpeculative", speculative), ("mechanism", mechanism),
                ("user", requestedUser ?? connection.Peer.UserName ?? string.Empty), ("db", database),
                ("error", $"{failure.Error.Name}: {failure.Message}"), ("result", failure.Error.Code));
            throw;
        }
    }

    private AuthenticatedUser Run(ConnectionState connection, string mechanism, string database, string? requestedUser)
    {
        if (mechanism != Mechanism)
        {
            throw new AuthenticationFailure(ErrorCode.MechanismUnavailable, $"Received authentication for mechanism {mechanism} which is unknown or not enabled");
        }

        if (database != ExternalDatabase)
        {
            throw new AuthenticationFailure(ErrorCode.MechanismUnavailable, $"Unsupported mechanism '{Mechanism}' on authentication database '{database}'");
        }

        var peer = connection.Peer;
        if (!peer.HasVerifiedSubject)
        {
            throw new AuthenticationFailure(ErrorCode.AuthenticationFailed, "No verified subject name available from client");
        }

        var principal = peer.UserName!;
        if (!string.IsNullOrEmpty(requestedUser) && !string.Equals(requestedUser, principal, StringComparison.Ordinal))
        {
            throw new AuthenticationFailure(ErrorCode.AuthenticationFailed, "There is no x.509 client certificate matching the user.");
        }

        var membership = _setup.Membership;
        var looksLikeMember = membership is not null && membership.IsMember(peer.Subject!, peer.ClusterMembership);
        if (looksLikeMember && !_setup.AllowsX509Membership && _setup.EnforceUserClusterSeparation)
        {
            // A member's certificate used by a client while members may not log in with certificates (issue #3's
            // deliberate choice, as mongod's legacy path): refused, rather than looked up as a user.
            throw new AuthenticationFailure(ErrorCode.AuthenticationFailed,
                "The provided certificate can only be used for cluster authentication, not client authentication. The current configuration does not allow x.509 cluster authentication, check the --clusterAuthMode flag");
        }

        if (looksLikeMember && _setup.AllowsX509Membership)
        {
            if (_setup.EnforceUserClusterSeparation && membership!.UsesExtensionValue && _users.Find(principal, ExternalDatabase) is not null)
            {
                throw new AuthenticationFailure(ErrorCode.AuthenticationFailed,
                    "The provided certificate represents both a cluster member and an explicit user which exists in the authzn database. Prohibiting authentication due to enforceUserClusterSeparation setting.");
            }

            if (!connection.IsInternalClient)
            {
                _log.Warning(LogComponents.Access, 8209200, connection.Name,
                    "Client isn't a mongod or mongos, but is connecting with a certificate with cluster membership", ("peerSubject", principal));
            }

            return CheckReauthentication(connection, AuthenticatedUser.System(principal));
        }

        if (!_setup.X509AuthenticationEnabled)
        {
            // Members are exempt (jstest x509_cluster_member_authz_exemption.js); everyone else needs the mechanism on.
            throw new AuthenticationFailure(ErrorCode.BadValue, "MONGODB-X509 authentication is disabled");
        }

        if (peer.CertificateRoles is { } roles)
        {
            // allowRolesFromX509Certificates: the certificate itself grants the roles; no user document is needed.
            return CheckReauthentication(connection, new AuthenticatedUser(principal, ExternalDatabase, roles, principal, false));
        }

        var stored = _users.Find(principal, ExternalDatabase)
            ?? throw new AuthenticationFailure(ErrorCode.UserNotFound, $"Could not find user \"{principal}\" for db \"{ExternalDatabase}\"");
        return CheckReauthentication(connection, new AuthenticatedUser(principal, ExternalDatabase, stored.Roles, principal, false, FromStore: true));
    }

    // server-behavior.md §1.4: a connection authenticates once; the same user again is allowed with a warning.
    private AuthenticatedUser CheckReauthentication(ConnectionState connection, AuthenticatedUser user)
    {
        if (connection.User is not { } previous)
        {
            return user;
        }

        if (previous.FullName == user.FullName)
        {
            _log.Warning(LogComponents.Access, 5626700, connection.Name, "Client has attempted to reauthenticate as a single user", ("user", user.FullName));
            return user;
        }

        throw previous.Database == user.Database
            ? new AuthenticationFailure(ErrorCode.ReauthenticationOnOtherDatabase,
                $"Client has attempted to authenticate on multiple databases.Already authenticated as: {previous.FullName}")
            : new AuthenticationFailure(ErrorCode.ReauthenticationRefused,
                $"Each client connection may only be authenticated once. Previously authenticated as: {previous.FullName}");
    }

    /// <summary>mongod's limit for users of logical sessions: "user@db" must be under 10,000 bytes.</summary>
    public static bool IsTooLongForSessions(AuthenticatedUser user) => Encoding.UTF8.GetByteCount(user.FullName) >= 10_000;
}
