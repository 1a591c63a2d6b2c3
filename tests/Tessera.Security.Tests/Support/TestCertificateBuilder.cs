using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Names;

namespace Tessera.Security.Tests.Support;

/// <summary>
/// Builds one certificate with exactly the extensions a test wants, including deliberately wrong ones,
/// with .NET's CertificateRequest: independent of Tessera's own issuer, so rules are tested against it.
/// </summary>
internal sealed class TestCertificateBuilder
{
    private readonly string _subject;
    private X509KeyUsageFlags? _keyUsage;
    private string[]? _eku;
    private string[] _sans = [];
    private bool _ca;
    private DateTimeOffset _notBefore = DateTimeOffset.UtcNow.AddHours(-1);
    private DateTimeOffset _notAfter = DateTimeOffset.UtcNow.AddDays(365);
    private X509Certificate2? _issuer;

    public TestCertificateBuilder(string subject) => _subject = subject;

    public static X509Certificate2 Authority(string subject) =>
        new TestCertificateBuilder(subject).AsCa().KeyUsage(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)
            .Valid(DateTimeOffset.UtcNow.AddYears(-10), DateTimeOffset.UtcNow.AddYears(10)).Build();

    public TestCertificateBuilder KeyUsage(X509KeyUsageFlags? flags)
    {
        _keyUsage = flags;
        return this;
    }

    public TestCertificateBuilder Eku(params string[]? oids)
    {
        _eku = oids;
        return this;
    }

    public TestCertificateBuilder San(params string[] hosts)
    {
        _sans = hosts;
        return this;
    }

    public TestCertificateBuilder AsCa()
    {
        _ca = true;
        return this;
    }

    public TestCertificateBuilder Valid(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        _notBefore = notBefore;
        _notAfter = notAfter;
        return this;
    }

    public TestCertificateBuilder IssuedBy(X509Certificate2 issuer)
    {
        _issuer = issuer;
        return this;
    }

    public X509Certificate2 Build()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DistinguishedNameParser.Parse(_subject).ToX500DistinguishedName(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(_ca, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (_keyUsage is { } usage)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        }

        if (_eku is not null)
        {
            var oids = new OidCollection();
            foreach (var oid in _eku)
            {
                oids.Add(new Oid(oid));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        }

        if (_sans.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var host in _sans)
            {
                if (IPAddress.TryParse(host, out var ip))
                {
                    san.AddIpAddress(ip);
                }
                else
                {
                    san.AddDnsName(host);
                }
            }

            request.CertificateExtensions.Add(san.Build());
        }

        if (_issuer is null)
        {
            return request.CreateSelfSigned(_notBefore, _notAfter);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(_issuer, _notBefore, _notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }
}

internal static class Purposes
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
}
