using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Names;

namespace Tessera.Server.Authentication;

/// <summary>
/// What the TLS layer established about the peer, mongod's SSLPeerInfo: the verified subject (empty when there is
/// no certificate, or an invalid one admitted by tlsAllowInvalidCertificates), the roles its certificate grants
/// and its cluster-membership extension. It belongs to the connection's TLS session, so every connection carries
/// the verdict of its own handshake.
/// </summary>
public sealed class PeerIdentity
{
    public static readonly PeerIdentity None = new(null, null, null, null);

    public PeerIdentity(X509Name? subject, IReadOnlyList<MongoRole>? certificateRoles, string? clusterMembership, X509Certificate2? certificate)
    {
        Subject = subject;
        UserName = subject?.ToString();
        CertificateRoles = certificateRoles;
        ClusterMembership = clusterMembership;
        Certificate = certificate;
    }

    /// <summary>The normalised, verified subject; null when X.509 login is impossible on this connection.</summary>
    public X509Name? Subject { get; }

    /// <summary>The subject as mongod renders it: the $external user name.</summary>
    public string? UserName { get; }

    /// <summary>Roles from the mongoRoles extension; null when the certificate has none.</summary>
    public IReadOnlyList<MongoRole>? CertificateRoles { get; }

    public string? ClusterMembership { get; }

    public X509Certificate2? Certificate { get; }

    public bool HasVerifiedSubject => Subject is { IsEmpty: false };
}
