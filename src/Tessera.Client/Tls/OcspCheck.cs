using System.Security.Cryptography.X509Certificates;

namespace Tessera.Client.Tls;

/// <summary>
/// The place where OCSP will be checked (a later issue: stapled responses, then the AIA responders with PyMongo's
/// soft-fail rules, client-behavior.md §3.5). Today it checks nothing and says so, so that no report ever claims an
/// OCSP verdict; it runs after the CRL check, as the OCSP spec's step order puts a user's CRL before responders.
/// </summary>
internal static class OcspCheck
{
    public const string NotImplemented = "not checked: OCSP is not implemented yet (tlsDisableOCSPEndpointCheck has no effect)";

    public static CertificateCheckResult Check(X509Certificate2 leaf, TlsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(settings);
        return CertificateCheckResult.Skipped(NotImplemented);
    }
}
