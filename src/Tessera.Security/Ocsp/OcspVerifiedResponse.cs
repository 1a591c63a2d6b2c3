namespace Tessera.Security.Ocsp;

/// <summary>
/// A response that passed every check of <see cref="OcspResponseVerifier"/> for one certificate.
/// <see cref="Der"/> is the whole OCSPResponse, kept so that a server can staple it as received.
/// </summary>
public sealed record OcspVerifiedResponse(
    OcspCertificateId CertificateId,
    OcspCertificateStatus Status,
    DateTimeOffset ThisUpdate,
    DateTimeOffset? NextUpdate,
    DateTimeOffset? RevocationTime,
    OcspRevocationReason? RevocationReason,
    ReadOnlyMemory<byte> Der)
{
    /// <summary>Valid while thisUpdate ≤ now &lt; nextUpdate; without nextUpdate only at the moment of checking.</summary>
    public bool IsCurrent(DateTimeOffset now) => ThisUpdate <= now && NextUpdate is { } next && now < next;
}
