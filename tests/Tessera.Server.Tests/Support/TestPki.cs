using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;

namespace Tessera.Server.Tests.Support;

/// <summary>
/// A deployment PKI made by Tessera's own issuer for one test class: a CA with a member certificate for localhost,
/// good clients, and the bad ones of the spec's matrix (expired, revoked, another CA's, a member-looking client).
/// </summary>
public sealed class TestPki : IDisposable
{
    public TestPki()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tessera-server-").FullName;
        var pki = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "pki"), Organization = "Acme", Clients = ["alice", "bob"] });
        CaFile = pki.CaCertificatePath;
        ServerFile = pki.Members[0].Path;
        Alice = pki.Clients[0].Path;
        Bob = pki.Clients[1].Path;
        var other = DeploymentPki.Create(new DeploymentPkiOptions { Directory = Path.Combine(Directory, "other"), Organization = "Evil", Clients = ["alice"] });
        OtherCaAlice = other.Clients[0].Path;

        using var ca = CertificateKeyFile.Load(CaFile, Path.Combine(Directory, "pki", DeploymentPki.CaKeyFile), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        var issuer = new CertificateIssuer();
        Expired = Issue(issuer, ca, "expired.pem", CertificateProfile.Client, "CN=expired-carol,OU=Clients,O=Acme",
            r => r with { NotBefore = DateTimeOffset.UtcNow.AddDays(-400), NotAfter = DateTimeOffset.UtcNow.AddDays(-35) });
        Revoked = Issue(issuer, ca, "revoked.pem", CertificateProfile.Client, "CN=revoked-dave,OU=Clients,O=Acme", r => r);
        MemberLike = Issue(issuer, ca, "member-like.pem", CertificateProfile.Member, "CN=member2,OU=Cluster,O=Acme", r => r with { Hosts = ["localhost"] });
        ServerAuthOnly = Issue(issuer, ca, "server-only.pem", CertificateProfile.Client, "CN=eve,OU=Clients,O=Acme",
            r => r with { ExtendedKeyUsageOverride = [Security.Certificates.CertificateFacts.ServerAuth] });
        WithRoles = Issue(issuer, ca, "with-roles.pem", CertificateProfile.Client, "CN=reporter,OU=Clients,O=Acme",
            r => r with { MongoRoles = [new Security.Certificates.MongoRole("read", "reporting")] });
        ExpiringSoon = Issue(issuer, ca, "expiring.pem", CertificateProfile.Client, TestPki.AliceName,
            r => r with { NotAfter = DateTimeOffset.UtcNow.AddDays(10) });
        ExtensionMember = Issue(issuer, ca, "extension-member.pem", CertificateProfile.Member, "CN=doer,OU=Business,O=Company",
            r => r with { ClusterMembership = "foo", Hosts = ["localhost"] });
        using var revoked = X509CertificateLoader.LoadCertificateFromFile(Revoked);
        var crl = new RevocationListIssuer().Issue(new RevocationListRequest { Revoked = [RevokedCertificate.Of(revoked)] }, ca);
        CrlFile = Path.Combine(Directory, "crl.pem");
        CertificateFileWriter.WriteRevocationList(CrlFile, crl);
    }

    public string Directory { get; }

    public string CaFile { get; }

    public string ServerFile { get; }

    public string CrlFile { get; }

    public string Alice { get; }

    public string Bob { get; }

    public string OtherCaAlice { get; }

    public string Expired { get; }

    public string Revoked { get; }

    public string MemberLike { get; }

    public string ServerAuthOnly { get; }

    public string WithRoles { get; }

    /// <summary>Alice's subject, expiring in 10 days.</summary>
    public string ExpiringSoon { get; }

    /// <summary>A member by its mongoClusterMembership extension ("foo"), not by O/OU/DC.</summary>
    public string ExtensionMember { get; }

    public const string AliceName = "CN=alice,OU=Clients,O=Acme";

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Issue(CertificateIssuer issuer, X509Certificate2 ca, string name, CertificateProfile profile, string subject, Func<IssueRequest, IssueRequest> adjust)
    {
        var request = adjust(new IssueRequest { Profile = profile, Subject = DistinguishedNameParser.Parse(subject).ToX500DistinguishedName() });
        using var certificate = issuer.Issue(request, ca);
        var path = Path.Combine(Directory, name);
        CertificateFileWriter.WriteCombined(path, certificate);
        return path;
    }
}
