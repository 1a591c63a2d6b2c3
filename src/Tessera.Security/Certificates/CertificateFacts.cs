using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Certificates;

/// <summary>
/// The parts of a certificate MongoDB's rules talk about, read once: key usage, extended key usage,
/// subject alternative names, basic constraints and the public key. Null means "extension absent",
/// which matters: OpenSSL accepts a certificate without EKU for any purpose.
/// </summary>
public sealed class CertificateFacts
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private CertificateFacts(X509Certificate2 certificate)
    {
        Certificate = certificate;
        KeyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        ExtendedKeyUsage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault()
            ?.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!).ToArray();
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        HasSubjectAlternativeName = san is not null;
        DnsNames = san?.EnumerateDnsNames().ToArray() ?? [];
        IpAddresses = san?.EnumerateIPAddresses().ToArray() ?? [];
        IsCertificateAuthority = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault()?.CertificateAuthority ?? false;
    }

    public X509Certificate2 Certificate { get; }

    public X509KeyUsageFlags? KeyUsage { get; }

    /// <summary>The EKU purpose OIDs, or null when the certificate has no EKU extension.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsage { get; }

    public bool HasSubjectAlternativeName { get; }

    public IReadOnlyList<string> DnsNames { get; }

    public IReadOnlyList<IPAddress> IpAddresses { get; }

    public bool IsCertificateAuthority { get; }

    /// <summary>The common name, the one attribute host-name matching falls back to without a SAN.</summary>
    public string? CommonName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } cn ? cn : null;

    public static CertificateFacts Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new CertificateFacts(certificate);
    }

    /// <summary>True when the EKU is absent (any purpose) or lists <paramref name="purpose"/>.</summary>
    public bool AllowsPurpose(string purpose) => ExtendedKeyUsage is null || ExtendedKeyUsage.Contains(purpose);

    /// <summary>True when the KU is absent or includes every flag of <paramref name="required"/>.</summary>
    public bool AllowsKeyUsage(X509KeyUsageFlags required) => KeyUsage is null || (KeyUsage.Value & required) == required;

    /// <summary>"ECDSA P-256", "RSA 2048" and the like.</summary>
    public string PublicKeyDescription
    {
        get
        {
            using var rsa = Certificate.GetRSAPublicKey();
            if (rsa is not null)
            {
                return $"RSA {rsa.KeySize}";
            }

            using var ecdsa = Certificate.GetECDsaPublicKey();
            if (ecdsa is not null)
            {
                var curve = ecdsa.ExportParameters(false).Curve;
                var name = curve.Oid.FriendlyName ?? curve.Oid.Value;
                return $"ECDSA {(name is "nistP256" or "ECDSA_P256" ? "P-256" : name is "nistP384" or "ECDSA_P384" ? "P-384" : name)}";
            }

            return Certificate.PublicKey.Oid.FriendlyName ?? Certificate.PublicKey.Oid.Value ?? "unknown";
        }
    }

    /// <summary>The SHA-1 thumbprint in upper-case hex, as mongod logs it (id 4913010).</summary>
    public string Thumbprint => Convert.ToHexString(SHA1.HashData(Certificate.RawData));
}
