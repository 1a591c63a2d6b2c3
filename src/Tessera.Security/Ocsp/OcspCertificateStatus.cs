namespace Tessera.Security.Ocsp;

/// <summary>What a verified OCSP response says about a certificate (RFC 6960 CertStatus).</summary>
public enum OcspCertificateStatus
{
    Good,
    Revoked,

    /// <summary>The responder does not know the certificate: inconclusive, never cached.</summary>
    Unknown,
}
