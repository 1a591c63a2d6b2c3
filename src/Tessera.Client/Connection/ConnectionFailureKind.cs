namespace Tessera.Client.Connection;

/// <summary>
/// Why a connection could not be opened: the failure classes of MongoDB's TLS troubleshooting guide, plus the network
/// failures before TLS. Each has its own fix, so callers can react to the kind and show the message.
/// </summary>
public enum ConnectionFailureKind
{
    /// <summary>DNS has no address for the host.</summary>
    HostNotFound,

    /// <summary>Nothing listens on the port (TCP connection refused).</summary>
    ConnectionRefused,

    /// <summary>The server did not answer in time (connectTimeoutMS, socketTimeoutMS).</summary>
    Timeout,

    /// <summary>Any other network error.</summary>
    NetworkError,

    /// <summary>The server sent no certificate.</summary>
    NoServerCertificate,

    /// <summary>certificate verify failed: the server's certificate does not chain to a trusted CA (tlsCAFile or the system store).</summary>
    UnknownIssuer,

    /// <summary>certificate verify failed: a certificate of the server's chain has expired.</summary>
    CertificateExpired,

    /// <summary>certificate verify failed: a certificate of the server's chain is not valid yet.</summary>
    CertificateNotYetValid,

    /// <summary>The server's certificate is not meant for TLS servers (its EKU lacks serverAuth).</summary>
    WrongPurpose,

    /// <summary>Any other reason the server's chain was refused.</summary>
    CertificateInvalid,

    /// <summary>The server's certificate does not name the host connected to.</summary>
    HostNameMismatch,

    /// <summary>The server's certificate is listed in tlsCRLFile.</summary>
    CertificateRevoked,

    /// <summary>OCSP says the server's certificate is revoked: the response the server stapled, or its OCSP responder.</summary>
    OcspRevoked,

    /// <summary>The server's certificate is Must-Staple (TLS feature status_request) and the server stapled no OCSP response.</summary>
    OcspStapleMissing,

    /// <summary>The OCSP response the server stapled is invalid (not for its certificate, badly signed, stale), or cannot be checked.</summary>
    OcspResponseInvalid,

    /// <summary>Revocation could not be checked: no CRL of the issuer in tlsCRLFile, or that CRL has expired or is not signed by it.</summary>
    RevocationCheckFailed,

    /// <summary>Client and server share no TLS version (Tessera.Client needs TLS 1.2 or newer).</summary>
    ProtocolVersion,

    /// <summary>The TLS handshake failed for another reason.</summary>
    HandshakeFailed,

    /// <summary>The server refused the client certificate: with a TLS alert naming why (Tessera), or by closing the connection after the handshake (mongod).</summary>
    ClientCertificateRejected,

    /// <summary>The server closed the connection.</summary>
    ConnectionClosed,

    /// <summary>The server answered with something that is not a MongoDB reply.</summary>
    ProtocolError,
}
