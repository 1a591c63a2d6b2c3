using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;

namespace Tessera.Client.Tests.Driver;

/// <summary>
/// A smaller copy of the server tests' TestPki, with the server certificates a client must judge: the good one
/// (localhost, 127.0.0.1), one for another name only, one from a foreign CA, and a revoked one with its CRL.
/// </summary>
public sealed class DriverPki : IDisposable
{
    public const string AliceName = "CN=alice,OU=Clients,O=Acme";
    public const string Password = "s3cret";

    public DriverPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tessera-driver-").FullName;
        var pki = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "pki"), Organization = "Acme", Clients = ["alice"] });
        CaFile = pki.CaCertificatePath;
        ServerFile = pki.Members[0].Path;
        Alice = pki.Clients[0].Path;
        var foreign = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "foreign"), Organization = "Evil" });
        ForeignServer = foreign.Members[0].Path;

        using var alice = CertificateKeyFile.Load(Alice, null).Certificate;
        AliceEncrypted = Path.Combine(Directory, "alice-encrypted.pem");
        CertificateFileWriter.WriteCombined(AliceEncrypted, alice, password: Password);

        using var ca = CertificateKeyFile.Load(CaFile, pki.CaKeyPath, null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        var issuer = new CertificateIssuer();
        OtherNameServer = Issue(issuer, ca, "other-name.pem", "CN=db.example.test,OU=Cluster,O=Acme", ["db.example.test"]);
        RevokedServer = Issue(issuer, ca, "revoked-server.pem", "CN=revoked-db,OU=Cluster,O=Acme", ["localhost", "127.0.0.1"]);
        using var revoked = X509CertificateLoader.LoadCertificateFromFile(RevokedServer);
        var crls = new RevocationListIssuer();
        CrlFile = Path.Combine(Directory, "crl.pem");
        CertificateFileWriter.WriteRevocationList(CrlFile, crls.Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked)] }, ca));
        ExpiredCrlFile = Path.Combine(Directory, "expired-crl.pem");
        CertificateFileWriter.WriteRevocationList(ExpiredCrlFile, crls.Issue(
            new RevocationListRequest { ThisUpdate = DateTimeOffset.UtcNow.AddDays(-40), NextUpdate = DateTimeOffset.UtcNow.AddDays(-10) }, ca));
    }

    public string Directory { get; }

    public string CaFile { get; }

    /// <summary>The CA's member certificate for localhost and 127.0.0.1.</summary>
    public string ServerFile { get; }

    /// <summary>Issued by the CA, with a SAN for db.example.test only.</summary>
    public string OtherNameServer { get; }

    /// <summary>For localhost, issued by another CA.</summary>
    public string ForeignServer { get; }

    /// <summary>For localhost, listed in <see cref="CrlFile"/>.</summary>
    public string RevokedServer { get; }

    /// <summary>The CA's CRL revoking <see cref="RevokedServer"/>.</summary>
    public string CrlFile { get; }

    /// <summary>A CRL of the CA, empty, whose nextUpdate has passed.</summary>
    public string ExpiredCrlFile { get; }

    public string Alice { get; }

    /// <summary>Alice with her key as encrypted PKCS#8, password <see cref="Password"/>.</summary>
    public string AliceEncrypted { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Issue(CertificateIssuer issuer, X509Certificate2 ca, string name, string subject, IReadOnlyList<string> hosts)
    {
        var request = new IssueRequest
        {
            Profile = CertificateProfile.Member,
            Subject = DistinguishedNameParser.Parse(subject).ToX500DistinguishedName(),
            Hosts = hosts,
        };
        using var certificate = issuer.Issue(request, ca);
        var path = Path.Combine(Directory, name);
        CertificateFileWriter.WriteCombined(path, certificate);
        return path;
    }
}
