using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>One entry of a CRL: the serial of a revoked certificate, when, and optionally why.</summary>
/// <param name="SerialNumber">The serial as it appears in the certificate (big-endian DER content bytes).</param>
/// <param name="RevokedAt">Defaults to the CRL's thisUpdate.</param>
/// <param name="Reason">Omitted from the entry when null (RFC 5280 prefers no reason code to "unspecified").</param>
public sealed record RevokedCertificate(
    ReadOnlyMemory<byte> SerialNumber,
    DateTimeOffset? RevokedAt = null,
    X509RevocationReason? Reason = null)
{
    public static RevokedCertificate Of(X509Certificate2 certificate, X509RevocationReason? reason = null, DateTimeOffset? revokedAt = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new RevokedCertificate(certificate.SerialNumberBytes, revokedAt, reason);
    }
}
