using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Issuing;

/// <summary>How certificates and CRLs signed by a CA name the CA's key.</summary>
internal static class AuthorityKeyIdentifier
{
    /// <summary>
    /// The CA's own SKI, so that chain builders pick the right CA when two share a name (a rolled-over
    /// CA); a CA without an SKI is named by its issuer and serial instead.
    /// </summary>
    public static X509AuthorityKeyIdentifierExtension Of(X509Certificate2 ca) =>
        ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Any()
            ? X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false)
            : X509AuthorityKeyIdentifierExtension.CreateFromIssuerNameAndSerialNumber(ca.IssuerName, ca.SerialNumberBytes.Span);
}
