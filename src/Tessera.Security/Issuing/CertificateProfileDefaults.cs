using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>
/// The MongoDB-correct extension defaults of each <see cref="CertificateProfile"/>. Public so that the
/// lint and inspect tools can say what Tessera would have issued.
/// </summary>
public static class CertificateProfileDefaults
{
    /// <summary>Leaves live 825 days: the longest validity Apple platforms accept for TLS server certificates.</summary>
    public const int LeafValidityDays = 825;

    /// <summary>CAs outlive the leaves they sign by years, so rotating a leaf never forces a new trust anchor.</summary>
    public const int CaValidityDays = 3650;

    /// <summary>
    /// Back-dating notBefore by an hour keeps a fresh certificate valid on a peer whose clock is a little behind.
    /// </summary>
    public static readonly TimeSpan NotBeforeBackdate = TimeSpan.FromHours(1);

    public static int ValidityDays(CertificateProfile profile) =>
        profile == CertificateProfile.Ca ? CaValidityDays : LeafValidityDays;

    /// <summary>
    /// The key usage bits of a profile for a key of the given algorithm. Always marked critical.
    /// </summary>
    /// <remarks>
    /// Server and member certificates carry digitalSignature (ECDHE key exchange and TLS 1.3 sign with
    /// the key) and keyEncipherment (TLS 1.2 RSA key transport encrypts to it), as mongod's own fixtures
    /// and the MongoDB documentation ask. A member certificate on an ECDSA key also asserts keyAgreement,
    /// which MongoDB's member requirements list: for an EC key it is the meaningful counterpart of
    /// keyEncipherment (static ECDH; RFC 5480 §3). It is deliberately not set on RSA member keys:
    /// RFC 3279 §2.3.1 does not allow keyAgreement for rsaEncryption keys, RSA cannot do key agreement,
    /// and strict validators would flag the bit. keyEncipherment stays on EC keys although RFC 5480
    /// does not list it, because MongoDB's documented requirement names it and OpenSSL ignores it there.
    /// </remarks>
    public static X509KeyUsageFlags KeyUsage(CertificateProfile profile, KeyAlgorithm keyAlgorithm) => profile switch
    {
        CertificateProfile.Ca => X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign,
        CertificateProfile.Server => X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
        CertificateProfile.Member when keyAlgorithm == KeyAlgorithm.EcdsaP256 =>
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement,
        CertificateProfile.Member => X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
        CertificateProfile.Client => X509KeyUsageFlags.DigitalSignature,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown certificate profile."),
    };

    /// <summary>
    /// The extended key usages of a profile; empty means the certificate carries no EKU extension.
    /// </summary>
    /// <remarks>
    /// A server gets serverAuth only: a client certificate with serverAuth alone is rejected by mongod
    /// ("unsupported certificate purpose"), and a server-only certificate must not double as a client
    /// identity. A member gets both because it both accepts and opens intra-cluster connections. A CA
    /// gets none: an EKU on a CA would restrict every chain beneath it in some validators.
    /// </remarks>
    public static IReadOnlyList<string> ExtendedKeyUsages(CertificateProfile profile) => profile switch
    {
        CertificateProfile.Ca => [],
        CertificateProfile.Server => [ExtendedKeyUsageOids.ServerAuth],
        CertificateProfile.Member => [ExtendedKeyUsageOids.ServerAuth, ExtendedKeyUsageOids.ClientAuth],
        CertificateProfile.Client => [ExtendedKeyUsageOids.ClientAuth],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown certificate profile."),
    };
}
