using System.Security.Cryptography.X509Certificates;
using Tessera.Client.Connection;

namespace Tessera.Client.Tls;

/// <summary>
/// What the client concluded about the server's certificate during one handshake: the certificates the server
/// presented (leaf first), and the result of each check in the order they run: trust of the chain, host name,
/// revocation (tlsCRLFile) and OCSP (the stapled response, or the certificate's responders).
/// </summary>
public sealed record ServerCertificateReport(
    IReadOnlyList<X509Certificate2> Presented,
    CertificateCheckResult Trust,
    CertificateCheckResult HostName,
    CertificateCheckResult Revocation,
    CertificateCheckResult Ocsp)
{
    /// <summary>The certificate that issued the server's, from the validated chain; null when not validated or self-issued.</summary>
    public X509Certificate2? Issuer { get; init; }

    /// <summary>The first failed check, or null when the certificate was accepted.</summary>
    public ConnectionFailure? Failure => new[] { Trust, HostName, Revocation, Ocsp }.FirstOrDefault(c => c.Status == CheckStatus.Failed)?.Failure;

    public bool Accepted => Failure is null;
}
