using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;

namespace Tessera.Server.Tests.Support;

/// <summary>
/// Server certificates that name an OCSP responder, issued under a <see cref="TestPki"/>'s CA (directly, or through an
/// intermediate CA) once the test's responder is listening, so the AIA carries its real URL.
/// </summary>
public sealed class StaplingCertificates : IDisposable
{
    private readonly TestPki _pki;
    private readonly CertificateIssuer _issuer = new();
    private int _count;

    public StaplingCertificates(TestPki pki)
    {
        _pki = pki;
        Ca = CertificateKeyFile.Load(pki.CaFile, Path.Combine(pki.Directory, "pki", DeploymentPki.CaKeyFile), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        Intermediate = _issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Ca,
            Subject = DistinguishedNameParser.Parse("CN=Acme Intermediate CA,O=Acme").ToX500DistinguishedName(),
        }, Ca);
        DelegatedResponder = _issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Client,
            Subject = DistinguishedNameParser.Parse("CN=Acme OCSP Responder,O=Acme").ToX500DistinguishedName(),
            ExtendedKeyUsageOverride = [ExtendedKeyUsageOids.OcspSigning],
        }, Ca);
    }

    /// <summary>The root CA, with its key: it signs OCSP answers for the certificates it issues.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>An intermediate CA under <see cref="Ca"/>, with its key.</summary>
    public X509Certificate2 Intermediate { get; }

    /// <summary>A responder the CA delegated OCSP signing to (id-kp-OCSPSigning), with its key.</summary>
    public X509Certificate2 DelegatedResponder { get; }

    /// <summary>A combined PEM for localhost whose AIA names <paramref name="responder"/>; under the intermediate when asked, which the file then carries or not.</summary>
    public string Server(Uri responder, bool viaIntermediate = false, bool intermediateInFile = true, bool mustStaple = false)
    {
        var issuer = viaIntermediate ? Intermediate : Ca;
        using var certificate = _issuer.Issue(new IssueRequest
        {
            Profile = CertificateProfile.Member,
            Subject = DistinguishedNameParser.Parse("CN=localhost,OU=Cluster,O=Acme").ToX500DistinguishedName(),
            Hosts = ["localhost", "127.0.0.1"],
            OcspResponderUrl = responder,
            MustStaple = mustStaple,
        }, issuer);
        var path = Path.Combine(_pki.Directory, $"stapled-server-{Interlocked.Increment(ref _count)}.pem");
        CertificateFileWriter.WriteCombined(path, certificate, viaIntermediate && intermediateInFile ? [Intermediate] : null);
        return path;
    }

    public void Dispose()
    {
        DelegatedResponder.Dispose();
        Intermediate.Dispose();
        Ca.Dispose();
    }
}
