namespace Tessera.Security.Issuing;

/// <summary>
/// What a certificate is for in a MongoDB deployment. The profile decides the default extensions
/// (basic constraints, key usage, extended key usage, SAN) so that each certificate satisfies the
/// rules mongod, OpenSSL and the drivers apply to that role; see <see cref="CertificateProfileDefaults"/>.
/// </summary>
public enum CertificateProfile
{
    /// <summary>A certificate authority: a root (self-signed) or an intermediate (signed by a parent CA).</summary>
    Ca,

    /// <summary>A server's <c>tlsCertificateKeyFile</c> when the server is not a cluster member: serverAuth only.</summary>
    Server,

    /// <summary>
    /// A replica-set or sharded-cluster member's certificate, used both as <c>tlsCertificateKeyFile</c>
    /// (members accept connections: serverAuth) and as <c>tlsClusterFile</c> (members connect to each
    /// other: clientAuth).
    /// </summary>
    Member,

    /// <summary>A user's client certificate for MONGODB-X509 authentication: clientAuth only.</summary>
    Client,
}
