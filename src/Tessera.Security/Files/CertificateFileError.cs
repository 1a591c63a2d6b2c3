namespace Tessera.Security.Files;

/// <summary>
/// What went wrong with a certificate, key, CA or CRL file. Each kind has its own fix, so callers
/// (the server at start-up, the client, <c>tessera doctor</c>) can react to the kind and show the message.
/// </summary>
public enum CertificateFileError
{
    /// <summary>The path does not name an existing file.</summary>
    FileNotFound,

    /// <summary>The file exists but cannot be read (permissions, or the path is a directory).</summary>
    FileUnreadable,

    /// <summary>The file is empty or is neither PEM, DER nor PKCS#12.</summary>
    NotRecognized,

    /// <summary>A PEM block or DER structure is damaged (bad base64, truncated, not what its label says).</summary>
    MalformedContent,

    /// <summary>The file holds no certificate.</summary>
    NoCertificate,

    /// <summary>A certificate key file holds a certificate but no private key.</summary>
    NoPrivateKey,

    /// <summary>A certificate key file holds more than one private key.</summary>
    MultiplePrivateKeys,

    /// <summary>The private key (or PKCS#12 file) is encrypted and no password was given.</summary>
    PasswordRequired,

    /// <summary>A password was given but it does not decrypt the private key (or PKCS#12 file).</summary>
    WrongPassword,

    /// <summary>The private key is of an algorithm Tessera cannot use for TLS (only RSA and EC are supported).</summary>
    UnsupportedKeyAlgorithm,

    /// <summary>The private key belongs to none of the certificates in the file.</summary>
    KeyDoesNotMatchCertificate,

    /// <summary>A CRL file holds no CRL.</summary>
    NoRevocationList,

    /// <summary>The CRL names another issuer than the CA certificate it is checked against.</summary>
    RevocationListIssuerMismatch,

    /// <summary>The CRL's signature does not verify with the issuer's public key.</summary>
    RevocationListSignatureInvalid,

    /// <summary>The CRL is past its nextUpdate; OpenSSL ("CRL has expired") and so mongod and PyMongo refuse it.</summary>
    RevocationListExpired,

    /// <summary>The CRL's thisUpdate lies in the future.</summary>
    RevocationListNotYetValid,
}
