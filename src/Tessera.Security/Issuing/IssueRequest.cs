using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;

namespace Tessera.Security.Issuing;

/// <summary>
/// Everything that decides the content of one certificate. Unset options take the profile's defaults
/// (<see cref="CertificateProfileDefaults"/>); the override options exist so that tests can make
/// deliberately bad certificates.
/// </summary>
public sealed record IssueRequest
{
    public required CertificateProfile Profile { get; init; }

    /// <summary>
    /// The subject, used byte for byte: callers build arbitrary DER (multi-valued RDNs, unusual string
    /// types, an empty subject) and the X.509 user name mongod derives depends on every byte of it.
    /// </summary>
    public required X500DistinguishedName Subject { get; init; }

    /// <summary>
    /// Host names and IP addresses for the subjectAltName. IPv4 dotted quads and IPv6 addresses (with or
    /// without brackets) become iPAddress entries; anything else becomes a dNSName entry.
    /// </summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>An rfc822Name subjectAltName entry, typically for a client certificate.</summary>
    public string? Email { get; init; }

    /// <summary>Defaults to now minus <see cref="CertificateProfileDefaults.NotBeforeBackdate"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Defaults to now plus <see cref="ValidityDays"/>.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Used when <see cref="NotAfter"/> is not set; defaults to the profile's validity.</summary>
    public int? ValidityDays { get; init; }

    public KeyAlgorithm KeyAlgorithm { get; init; } = KeyAlgorithm.EcdsaP256;

    /// <summary>
    /// Roles granted by the certificate (mongoRoles extension). Null: no extension; empty: an
    /// extension holding an empty SET.
    /// </summary>
    public IReadOnlyList<MongoRole>? MongoRoles { get; init; }

    /// <summary>The mongoClusterMembership extension value (matched by <c>net.tls.clusterAuthX509.extensionValue</c>).</summary>
    public string? ClusterMembership { get; init; }

    /// <summary>Written as the OCSP access method of the Authority Information Access extension.</summary>
    public Uri? OcspResponderUrl { get; init; }

    /// <summary>Written as the single distribution point of the CRL Distribution Points extension.</summary>
    public Uri? CrlDistributionPointUrl { get; init; }

    /// <summary>Adds the TLS feature extension status_request ("OCSP must-staple", RFC 7633).</summary>
    public bool MustStaple { get; init; }

    /// <summary>
    /// Replaces the profile's extended key usages with these OIDs; an empty list omits the extension.
    /// </summary>
    public IReadOnlyList<string>? ExtendedKeyUsageOverride { get; init; }

    /// <summary>
    /// Replaces the profile's key usage bits; <see cref="X509KeyUsageFlags.None"/> omits the extension.
    /// </summary>
    public X509KeyUsageFlags? KeyUsageOverride { get; init; }

    /// <summary>Leaves the subjectAltName out even when <see cref="Hosts"/> or <see cref="Email"/> are given.</summary>
    public bool OmitSubjectAlternativeName { get; init; }
}
