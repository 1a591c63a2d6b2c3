using System.Numerics;

namespace Tessera.Security.Issuing;

/// <summary>
/// The content of one CRL. The dates are the caller's to choose so that tests can make CRLs that are
/// expired (nextUpdate in the past) or not yet valid.
/// </summary>
public sealed record RevocationListRequest
{
    public IReadOnlyList<RevokedCertificate> Revoked { get; init; } = [];

    /// <summary>Defaults to now minus one hour, for the same clock-skew reason as certificates.</summary>
    public DateTimeOffset? ThisUpdate { get; init; }

    /// <summary>Defaults to thisUpdate plus <see cref="RevocationListIssuer.DefaultLifetime"/>.</summary>
    public DateTimeOffset? NextUpdate { get; init; }

    /// <summary>
    /// Defaults to thisUpdate in Unix seconds: increasing from one CRL to the next of the same CA, as
    /// RFC 5280 §5.2.3 requires, without the caller keeping a counter.
    /// </summary>
    public BigInteger? CrlNumber { get; init; }
}
