using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tessera.Security.Tests.Files;

/// <summary>A certificate with its private key, and the key object itself for exporting in any format.</summary>
internal sealed record IssuedCertificate(X509Certificate2 Certificate, AsymmetricAlgorithm Key)
{
    public string CertificatePem => Certificate.ExportCertificatePem() + "\n";

    /// <summary>The certificate without its key, as a peer would see it.</summary>
    public X509Certificate2 PublicOnly() => X509CertificateLoader.LoadCertificate(Certificate.RawData);
}

/// <summary>
/// A small PKI made with CertificateRequest, once per test run (key generation is the slow part):
/// root → intermediate → leaves, plus an unrelated root and an impostor with the root's name.
/// </summary>
internal sealed class TestPki
{
    private static readonly Lazy<TestPki> Instance = new(() => new TestPki());

    private TestPki()
    {
        var now = DateTimeOffset.UtcNow;
        Root = SelfSignedCa("CN=Tessera Test Root CA, OU=PKI, O=Tessera Test", now);
        OtherRoot = SelfSignedCa("CN=Other Root CA, OU=PKI, O=Evil Corp", now);
        ImpostorRoot = SelfSignedCa("CN=Tessera Test Root CA, OU=PKI, O=Tessera Test", now);
        Intermediate = IssueCa("CN=Tessera Test Intermediate CA, OU=PKI, O=Tessera Test", Root, now, serial: 0x10);
        RsaLeaf = IssueLeaf("CN=alice, OU=Clients, O=Acme", RSA.Create(2048), Intermediate, now, serial: 0x1001);
        EcLeaf = IssueLeaf("CN=bob, OU=Clients, O=Acme", ECDsa.Create(ECCurve.NamedCurves.nistP256), Intermediate, now, serial: 0x1002);
        OtherRsaLeaf = IssueLeaf("CN=carol, OU=Clients, O=Acme", RSA.Create(2048), Intermediate, now, serial: 0x1003);
        SameSerialOtherIssuerLeaf = IssueLeaf("CN=alice, OU=Clients, O=Acme", RSA.Create(2048), OtherRoot, now, serial: 0x1001);
    }

    public static TestPki Shared => Instance.Value;

    public IssuedCertificate Root { get; }

    public IssuedCertificate OtherRoot { get; }

    /// <summary>Same subject as <see cref="Root"/>, different key: what a forged CRL would be signed with.</summary>
    public IssuedCertificate ImpostorRoot { get; }

    public IssuedCertificate Intermediate { get; }

    public IssuedCertificate RsaLeaf { get; }

    public IssuedCertificate EcLeaf { get; }

    public IssuedCertificate OtherRsaLeaf { get; }

    /// <summary>Serial 0x1001 like <see cref="RsaLeaf"/>, but from <see cref="OtherRoot"/>.</summary>
    public IssuedCertificate SameSerialOtherIssuerLeaf { get; }

    private static IssuedCertificate SelfSignedCa(string subject, DateTimeOffset now)
    {
        var key = RSA.Create(2048);
        var request = CaRequest(subject, key);
        return new IssuedCertificate(request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10)), key);
    }

    private static IssuedCertificate IssueCa(string subject, IssuedCertificate issuer, DateTimeOffset now, byte serial)
    {
        var key = RSA.Create(2048);
        var request = CaRequest(subject, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, true, false));
        using var issued = request.Create(issuer.Certificate, now.AddDays(-1), now.AddYears(5), [serial]);
        return new IssuedCertificate(issued.CopyWithPrivateKey(key), key);
    }

    private static CertificateRequest CaRequest(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static IssuedCertificate IssueLeaf(string subject, AsymmetricAlgorithm key, IssuedCertificate issuer, DateTimeOffset now, int serial)
    {
        var request = key switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("RSA or ECDsa only", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, true, false));

        // Signed with the issuer's RSA key whatever the leaf's algorithm (an EC leaf under an RSA CA).
        var signer = X509SignatureGenerator.CreateForRSA((RSA)issuer.Key, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(issuer.Certificate.SubjectName, signer, now.AddDays(-1), now.AddYears(1), [(byte)(serial >> 8), (byte)serial]);
        var withKey = key switch
        {
            RSA rsa => issued.CopyWithPrivateKey(rsa),
            ECDsa ecdsa => issued.CopyWithPrivateKey(ecdsa),
            _ => throw new ArgumentException("RSA or ECDsa only", nameof(key)),
        };
        return new IssuedCertificate(withKey, key);
    }
}
