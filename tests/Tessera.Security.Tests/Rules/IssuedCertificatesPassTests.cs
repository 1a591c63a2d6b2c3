using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Security.Rules;

namespace Tessera.Security.Tests.Rules;

/// <summary>What Tessera's own issuer makes satisfies Tessera's own rules, for every profile and key type.</summary>
public class IssuedCertificatesPassTests
{
    private static X500DistinguishedName Dn(string dn) => DistinguishedNameParser.Parse(dn).ToX500DistinguishedName();

    [Theory]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    [InlineData(KeyAlgorithm.Rsa2048)]
    public void Ca_member_server_and_client_certificates_lint_clean(KeyAlgorithm algorithm)
    {
        var issuer = new CertificateIssuer();
        using var ca = issuer.IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Acme CA,O=Acme"), KeyAlgorithm = algorithm });
        using var member1 = issuer.Issue(
            new IssueRequest { Profile = CertificateProfile.Member, Subject = Dn("CN=db1,OU=Cluster,O=Acme"), Hosts = ["db1", "10.0.0.1"], KeyAlgorithm = algorithm }, ca);
        using var member2 = issuer.Issue(
            new IssueRequest { Profile = CertificateProfile.Member, Subject = Dn("CN=db2,OU=Cluster,O=Acme"), Hosts = ["db2"], KeyAlgorithm = algorithm }, ca);
        using var server = issuer.Issue(
            new IssueRequest { Profile = CertificateProfile.Server, Subject = Dn("CN=db1,OU=Cluster,O=Acme"), Hosts = ["db1"], KeyAlgorithm = algorithm }, ca);
        using var client = issuer.Issue(
            new IssueRequest { Profile = CertificateProfile.Client, Subject = Dn("CN=alice,OU=Clients,O=Acme"), KeyAlgorithm = algorithm }, ca);

        LintReport Lint(X509Certificate2 cert, CertificateRole role, params string[] hosts) =>
            CertificateLinter.Lint(cert, new LintOptions { Role = role, TrustedAuthorities = [ca], ServerCertificate = member1, Hosts = hosts });

        Assert.Empty(Lint(member2, CertificateRole.Member, "db2").Findings);
        Assert.Empty(Lint(member1, CertificateRole.Member, "db1", "10.0.0.1").Findings);
        Assert.Empty(Lint(server, CertificateRole.Server, "db1").Findings);
        Assert.Empty(Lint(client, CertificateRole.Client).Findings);
    }
}
