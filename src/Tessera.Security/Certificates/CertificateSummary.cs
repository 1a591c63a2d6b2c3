using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Membership;
using Tessera.Security.Names;

namespace Tessera.Security.Certificates;

/// <summary>How a server would classify a certificate that logs in with MONGODB-X509.</summary>
public enum PeerClassification
{
    /// <summary>No server certificate or membership rule was given to decide.</summary>
    Unknown,
    Client,
    Member,
}

/// <summary>
/// A certificate as MongoDB sees it: the exact <c>$external</c> user name, the issuer by the same renderer,
/// and the extensions MongoDB's rules talk about. Shared by <c>tessera certs inspect</c> and <c>tessera doctor</c>.
/// </summary>
public sealed record CertificateSummary
{
    private static readonly (X509KeyUsageFlags Flag, string Name)[] KeyUsageNames =
    [
        (X509KeyUsageFlags.DigitalSignature, "digitalSignature"), (X509KeyUsageFlags.NonRepudiation, "nonRepudiation"),
        (X509KeyUsageFlags.KeyEncipherment, "keyEncipherment"), (X509KeyUsageFlags.DataEncipherment, "dataEncipherment"),
        (X509KeyUsageFlags.KeyAgreement, "keyAgreement"), (X509KeyUsageFlags.KeyCertSign, "keyCertSign"),
        (X509KeyUsageFlags.CrlSign, "cRLSign"), (X509KeyUsageFlags.EncipherOnly, "encipherOnly"),
        (X509KeyUsageFlags.DecipherOnly, "decipherOnly"),
    ];

    /// <summary>The subject as mongod renders it: the <c>$external</c> user name.</summary>
    public required string Subject { get; init; }

    /// <summary>Set when the subject cannot be prepared (RFC 4518); <see cref="Subject"/> is then .NET's rendering.</summary>
    public string? SubjectError { get; init; }

    public required string Issuer { get; init; }

    public required string SerialNumber { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>"DNS:name" and "IP:address" entries; empty when there is no SAN extension.</summary>
    public required IReadOnlyList<string> San { get; init; }

    /// <summary>EKU purposes by OpenSSL's short names (serverAuth, clientAuth); null when the extension is absent.</summary>
    public IReadOnlyList<string>? Eku { get; init; }

    /// <summary>Key usage names as OpenSSL prints them; null when the extension is absent.</summary>
    public IReadOnlyList<string>? KeyUsage { get; init; }

    public required bool IsCertificateAuthority { get; init; }

    public required string PublicKey { get; init; }

    public required string SignatureAlgorithm { get; init; }

    public required string Sha1Fingerprint { get; init; }

    public required string Sha256Fingerprint { get; init; }

    /// <summary>Roles the certificate grants through the mongoRoles extension, as role@db.</summary>
    public IReadOnlyList<string>? MongoRoles { get; init; }

    public string? ClusterMembership { get; init; }

    public PeerClassification Classification { get; init; }

    public static CertificateSummary Of(X509Certificate2 certificate, ClusterMembership? membership = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var facts = CertificateFacts.Of(certificate);
        string subject;
        string? subjectError = null;
        X509Name? name = null;
        try
        {
            name = X509Name.FromCertificateSubject(certificate);
            subject = name.ToString();
        }
        catch (NameNormalizationException e)
        {
            subject = certificate.Subject;
            subjectError = e.Message;
        }

        string? membershipValue;
        IReadOnlyList<MongoRole>? roles;
        try
        {
            membershipValue = MongoCertificateExtensions.ReadClusterMembership(certificate);
            roles = MongoCertificateExtensions.ReadMongoRoles(certificate);
        }
        catch (MalformedMongoExtensionException)
        {
            membershipValue = null;
            roles = null;
        }

        return new CertificateSummary
        {
            Subject = subject,
            SubjectError = subjectError,
            Issuer = X509Name.Describe(certificate.IssuerName),
            SerialNumber = certificate.SerialNumber,
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            San = facts.DnsNames.Select(d => "DNS:" + d).Concat(facts.IpAddresses.Select(ip => "IP:" + ip)).ToArray(),
            Eku = facts.ExtendedKeyUsage?.Select(AttributeNames.ShortNameOf).ToArray(),
            KeyUsage = facts.KeyUsage is { } usage ? KeyUsageNames.Where(k => usage.HasFlag(k.Flag)).Select(k => k.Name).ToArray() : null,
            IsCertificateAuthority = facts.IsCertificateAuthority,
            PublicKey = facts.PublicKeyDescription,
            SignatureAlgorithm = certificate.SignatureAlgorithm.Value is { } oid ? AttributeNames.ShortNameOf(oid) : "unknown",
            Sha1Fingerprint = facts.Thumbprint,
            Sha256Fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData)),
            MongoRoles = roles?.Select(r => r.ToString()).ToArray(),
            ClusterMembership = membershipValue,
            Classification = membership is null || name is null
                ? PeerClassification.Unknown
                : membership.IsMember(name, membershipValue) ? PeerClassification.Member : PeerClassification.Client,
        };
    }
}
