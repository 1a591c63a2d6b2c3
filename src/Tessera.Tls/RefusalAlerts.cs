using Tessera.Security.Tls;

namespace Tessera.Tls;

/// <summary>
/// The X509_V_ERR code that makes OpenSSL send the most specific TLS alert for a refusal (OpenSSL turns the code
/// into the alert itself, in ssl_x509err2alert). The README lists the resulting alerts.
/// </summary>
internal static class RefusalAlerts
{
    private const int UnableToGetIssuerCertificateLocally = 20; // → unknown_ca (48)
    private const int CertificateHasExpired = 10;               // → certificate_expired (45)
    private const int CertificateRevoked = 23;                  // → certificate_revoked (44)
    private const int CertificateRejected = 28;                 // → bad_certificate (42)
    private const int CrlPathValidationError = 54;              // → certificate_unknown (46): not in OpenSSL's table

    public static int VerifyErrorFor(PeerFailure failure) => failure switch
    {
        PeerFailure.UnknownIssuer => UnableToGetIssuerCertificateLocally,
        PeerFailure.Expired => CertificateHasExpired,
        PeerFailure.Revoked => CertificateRevoked,

        // The server could not check revocation (its CRL is stale or missing): nothing is known to be wrong with the
        // certificate itself, so "certificate unknown" rather than an alert that blames the client's certificate.
        PeerFailure.RevocationListUnavailable => CrlPathValidationError,

        // Not yet valid, wrong EKU, unreadable subject or extensions.
        _ => CertificateRejected,
    };
}
