using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;
using Tessera.Security.Names;

namespace Tessera.Client.Tests.Ocsp;

/// <summary>
/// The OCSP test PKI of one key kind, as drivers-evergreen-tools' `.evergreen/ocsp/{rsa,ecdsa}` has it, generated fresh:
/// a CA (ca.pem, trusted by client and server), a delegated responder certificate (EKU OCSPSigning, issued by the CA),
/// and server certificates for localhost and 127.0.0.1 issued on demand, because their AIA must name a responder whose
/// port is only known once it listens.
/// </summary>
public sealed class OcspTestPki : IDisposable
{
    private readonly CertificateIssuer _issuer = new();

    public OcspTestPki(KeyAlgorithm key)
    {
        Key = key;
        Directory = System.IO.Directory.CreateTempSubdirectory($"tessera-ocsp-{key}-").FullName;
        Ca = _issuer.IssueSelfSigned(new IssueRequest
        {
            Profile = CertificateProfile.Ca,
            Subject = Dn($"CN=Tessera OCSP Test CA {key},O=Tessera"),
            KeyAlgorithm = key,
        });
        CaFile = Path.Combine(Directory, "ca.pem");
        CertificateFileWriter.WriteCertificate(CaFile, Ca);
        Delegate = _issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Client,
            Subject = Dn($"CN=Tessera OCSP Responder {key},O=Tessera"),
            KeyAlgorithm = key,
            ExtendedKeyUsageOverride = [ExtendedKeyUsageOids.OcspSigning],
        }, Ca);
    }

    public KeyAlgorithm Key { get; }

    public string Directory { get; }

    /// <summary>The CA, with its private key: it signs OCSP responses itself in the "CA-signed" cases.</summary>
    public X509Certificate2 Ca { get; }

    public string CaFile { get; }

    /// <summary>The delegated responder, with its private key.</summary>
    public X509Certificate2 Delegate { get; }

    /// <summary>
    /// Writes a server certificate (serverAuth and clientAuth, as the spec's server.pem) with its key to
    /// <paramref name="name"/>.pem, its AIA naming <paramref name="ocspResponder"/>, Must-Staple when asked.
    /// </summary>
    public string IssueServer(string name, Uri ocspResponder, bool mustStaple)
    {
        using var certificate = _issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Member,
            Subject = Dn($"CN=localhost,OU=Server,O=Tessera"),
            Hosts = ["localhost", "127.0.0.1"],
            KeyAlgorithm = Key,
            OcspResponderUrl = ocspResponder,
            MustStaple = mustStaple,
        }, Ca);
        var path = Path.Combine(Directory, name + ".pem");
        CertificateFileWriter.WriteCombined(path, certificate);
        return path;
    }

    public void Dispose()
    {
        Delegate.Dispose();
        Ca.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X500DistinguishedName Dn(string subject) => DistinguishedNameParser.Parse(subject).ToX500DistinguishedName();
}
