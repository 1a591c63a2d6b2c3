using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Membership;
using Tessera.Security.Rules;
using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Rules;

/// <summary>Each MongoDB certificate rule: a certificate that breaks it is flagged with its id, a good one is not.</summary>
public class CertificateLinterTests
{
    private const X509KeyUsageFlags MemberUsage =
        X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement;

    private static readonly X509Certificate2 Ca = TestCertificateBuilder.Authority("CN=Test CA,O=Acme");
    private static readonly X509Certificate2 OtherCa = TestCertificateBuilder.Authority("CN=Other CA,O=Evil");

    private static readonly X509Certificate2 Member = new TestCertificateBuilder("CN=member1,OU=Cluster,O=Acme")
        .KeyUsage(MemberUsage).Eku(Purposes.ServerAuth, Purposes.ClientAuth).San("db1.example.com", "127.0.0.1").IssuedBy(Ca).Build();

    private static TestCertificateBuilder Client(string subject = "CN=alice,OU=Clients,O=Acme") =>
        new TestCertificateBuilder(subject).KeyUsage(X509KeyUsageFlags.DigitalSignature).Eku(Purposes.ClientAuth).IssuedBy(Ca);

    private static TestCertificateBuilder MemberLike(string subject = "CN=member2,OU=Cluster,O=Acme") =>
        new TestCertificateBuilder(subject).KeyUsage(MemberUsage).Eku(Purposes.ServerAuth, Purposes.ClientAuth).San("db2.example.com").IssuedBy(Ca);

    private static LintOptions For(CertificateRole role, params string[] hosts) => new()
    {
        Role = role,
        TrustedAuthorities = [Ca],
        ServerCertificate = Member,
        Hosts = hosts,
    };

    private static string[] Ids(X509Certificate2 certificate, LintOptions options) =>
        CertificateLinter.Lint(certificate, options).Findings.Select(f => f.Id).ToArray();

    [Fact]
    public void A_good_client_has_no_findings()
    {
        var report = CertificateLinter.Lint(Client().Build(), For(CertificateRole.Client));
        Assert.Empty(report.Findings);
        Assert.Empty(report.NotChecked);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void A_good_member_and_a_good_server_have_no_findings()
    {
        Assert.Empty(Ids(MemberLike().Build(), For(CertificateRole.Member, "db2.example.com")));
        Assert.Empty(Ids(Member, For(CertificateRole.Server, "db1.example.com", "127.0.0.1")));
    }

    [Fact]
    public void Client_key_usage_without_digital_signature_is_an_error()
    {
        var report = CertificateLinter.Lint(Client().KeyUsage(X509KeyUsageFlags.KeyEncipherment).Build(), For(CertificateRole.Client));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("client-key-usage", finding.Id);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Client_without_key_usage_or_eku_gets_warnings()
    {
        var report = CertificateLinter.Lint(Client().KeyUsage(null).Eku(null).Build(), For(CertificateRole.Client));
        Assert.Equal(["client-eku-absent", "client-key-usage-absent"], report.Findings.Select(f => f.Id).Order());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Client_with_server_auth_only_is_an_error()
    {
        Assert.Equal(["client-eku"], Ids(Client().Eku(Purposes.ServerAuth).Build(), For(CertificateRole.Client)));
    }

    [Fact]
    public void Client_with_the_members_attributes_would_be_a_member()
    {
        var report = CertificateLinter.Lint(Client("CN=alice,OU=Cluster,O=Acme").Build(), For(CertificateRole.Client));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("client-member-attributes", finding.Id);
        Assert.Contains("OU=Cluster,O=Acme", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_matching_configured_cluster_attributes_would_be_a_member()
    {
        var options = new LintOptions { Role = CertificateRole.Client, ClusterAttributes = ClusterMembershipCriteria.FromAttributes("O=Acme") };
        Assert.Contains("client-member-attributes", Ids(Client().Build(), options));
    }

    [Fact]
    public void Client_with_an_empty_subject_has_no_user_name()
    {
        var empty = new X500DistinguishedName([0x30, 0x00]);
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(empty, key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Contains("client-empty-subject", Ids(cert, new LintOptions { Role = CertificateRole.Client }));
    }

    [Fact]
    public void Client_whose_user_name_is_too_long_for_sessions()
    {
        var longName = "CN=" + new string('x', 9_990) + ",O=Acme";
        Assert.Contains("client-user-name-too-long", Ids(Client(longName).Build(), For(CertificateRole.Client)));
        Assert.DoesNotContain("client-user-name-too-long", Ids(Client("CN=" + new string('x', 9_970) + ",O=Acme").Build(), For(CertificateRole.Client)));
    }

    [Fact]
    public void Expired_not_yet_valid_and_expiring_soon()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(["cert-expired"], Ids(Client().Valid(now.AddDays(-30), now.AddDays(-1)).Build(), For(CertificateRole.Client)));
        Assert.Equal(["cert-not-yet-valid"], Ids(Client().Valid(now.AddDays(1), now.AddDays(30)).Build(), For(CertificateRole.Client)));
        var soon = CertificateLinter.Lint(Client().Valid(now.AddDays(-1), now.AddDays(10)).Build(), For(CertificateRole.Client));
        var finding = Assert.Single(soon.Findings);
        Assert.Equal("cert-expires-soon", finding.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("9 day(s)", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Ids(Client().Valid(now.AddDays(-1), now.AddDays(31)).Build(), For(CertificateRole.Client)));
    }

    [Fact]
    public void The_expiry_threshold_follows_the_option()
    {
        var now = DateTimeOffset.UtcNow;
        var cert = Client().Valid(now.AddDays(-1), now.AddDays(10)).Build();
        Assert.Empty(Ids(cert, new LintOptions { Role = CertificateRole.Client, TrustedAuthorities = [Ca], ServerCertificate = Member, ExpiryWarningDays = 5 }));
        Assert.Empty(Ids(cert, new LintOptions { Role = CertificateRole.Client, TrustedAuthorities = [Ca], ServerCertificate = Member, ExpiryWarningDays = 0 }));
    }

    [Fact]
    public void A_certificate_from_another_ca_is_untrusted()
    {
        var report = CertificateLinter.Lint(Client().IssuedBy(OtherCa).Build(), For(CertificateRole.Client));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("cert-untrusted-issuer", finding.Id);
        Assert.Contains("CN=Other CA,O=Evil", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_is_not_also_called_untrusted()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.DoesNotContain("cert-untrusted-issuer", Ids(Client().Valid(now.AddDays(-30), now.AddDays(-1)).Build(), For(CertificateRole.Client)));
    }

    [Fact]
    public void A_ca_certificate_used_as_a_leaf_is_flagged()
    {
        Assert.Contains("cert-is-ca", Ids(Client().AsCa().Build(), For(CertificateRole.Client)));
    }

    [Fact]
    public void Member_without_o_ou_dc_is_an_error()
    {
        Assert.Contains("member-attributes-missing", Ids(MemberLike("CN=member2,L=NYC").Build(), For(CertificateRole.Member)));
    }

    [Fact]
    public void Member_must_contain_configured_attributes()
    {
        var options = new LintOptions { Role = CertificateRole.Member, ClusterAttributes = ClusterMembershipCriteria.FromAttributes("O=Acme,title=db") };
        Assert.Contains("member-attributes-missing", Ids(MemberLike().Build(), options));
        Assert.DoesNotContain("member-attributes-missing", Ids(MemberLike("CN=m,title=db,O=Acme").Build(), options));
    }

    [Theory]
    [InlineData("CN=member2,OU=Cluster,O=Other")]
    [InlineData("CN=member2,OU=Cluster,OU=Extra,O=Acme")] // identical, not a superset
    [InlineData("CN=member2,O=Acme")]
    public void Members_must_share_identical_o_ou_dc(string subject)
    {
        Assert.Contains("member-attributes-mismatch", Ids(MemberLike(subject).Build(), For(CertificateRole.Member)));
    }

    [Fact]
    public void Member_attribute_order_does_not_matter()
    {
        Assert.DoesNotContain("member-attributes-mismatch", Ids(MemberLike("O=Acme,CN=member2,OU=Cluster").Build(), For(CertificateRole.Member)));
    }

    [Fact]
    public void Members_must_come_from_one_ca()
    {
        var ids = Ids(MemberLike().IssuedBy(OtherCa).Build(), For(CertificateRole.Member));
        Assert.Contains("member-issuer-mismatch", ids);
        Assert.Contains("cert-untrusted-issuer", ids);
    }

    [Theory]
    [InlineData(MemberCertificateUsage.Both, new[] { Purposes.ServerAuth }, true)]
    [InlineData(MemberCertificateUsage.Both, new[] { Purposes.ClientAuth }, true)]
    [InlineData(MemberCertificateUsage.CertificateKeyFile, new[] { Purposes.ServerAuth }, false)]
    [InlineData(MemberCertificateUsage.CertificateKeyFile, new[] { Purposes.ClientAuth }, true)]
    [InlineData(MemberCertificateUsage.ClusterFile, new[] { Purposes.ClientAuth }, false)]
    [InlineData(MemberCertificateUsage.ClusterFile, new[] { Purposes.ServerAuth }, true)]
    public void Member_eku_depends_on_how_the_file_is_used(MemberCertificateUsage usage, string[] eku, bool flagged)
    {
        var options = new LintOptions { Role = CertificateRole.Member, ServerCertificate = Member, MemberUsage = usage, Hosts = ["db2.example.com"] };
        Assert.Equal(flagged, Ids(MemberLike().Eku(eku).Build(), options).Contains("member-eku"));
    }

    [Fact]
    public void Member_without_eku_is_fine_for_every_usage()
    {
        Assert.DoesNotContain("member-eku", Ids(MemberLike().Eku(null).Build(), For(CertificateRole.Member, "db2.example.com")));
    }

    [Fact]
    public void Member_key_usage_rules()
    {
        Assert.Contains("member-key-usage", Ids(MemberLike().KeyUsage(X509KeyUsageFlags.KeyEncipherment).Build(), For(CertificateRole.Member)));
        var keyExchange = Ids(MemberLike().KeyUsage(X509KeyUsageFlags.DigitalSignature).Build(), For(CertificateRole.Member, "db2.example.com"));
        Assert.Equal(["member-key-usage-key-exchange"], keyExchange);
        var ecWithKeyAgreement = MemberLike().KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement).Build();
        Assert.DoesNotContain("member-key-usage-key-exchange", Ids(ecWithKeyAgreement, For(CertificateRole.Member, "db2.example.com")));
        var clusterFileOnly = new LintOptions { Role = CertificateRole.Member, ServerCertificate = Member, MemberUsage = MemberCertificateUsage.ClusterFile };
        Assert.DoesNotContain("member-key-usage-key-exchange", Ids(MemberLike().KeyUsage(X509KeyUsageFlags.DigitalSignature).Build(), clusterFileOnly));
    }

    [Fact]
    public void Member_host_names_must_match_a_san()
    {
        var ids = Ids(MemberLike().Build(), For(CertificateRole.Member, "db9.example.com"));
        Assert.Equal(["member-host-mismatch"], ids);
    }

    [Fact]
    public void Cn_only_host_matching_is_a_warning_and_a_san_overrides_the_cn()
    {
        var cnOnly = Ids(MemberLike("CN=db2.example.com,OU=Cluster,O=Acme").San().Build(), For(CertificateRole.Member, "db2.example.com"));
        Assert.Equal(["cn-only-host-match", "server-san-missing"], cnOnly.Order());
        var overridden = CertificateLinter.Lint(
            MemberLike("CN=db2.example.com,OU=Cluster,O=Acme").San("other.example.com").Build(), For(CertificateRole.Member, "db2.example.com"));
        var finding = Assert.Single(overridden.Findings);
        Assert.Equal("member-host-mismatch", finding.Id);
        Assert.Contains("overridden by SAN", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_without_san_gets_mongods_warning()
    {
        var report = CertificateLinter.Lint(MemberLike().San().Build(), For(CertificateRole.Server));
        var finding = Assert.Single(report.Findings);
        Assert.Equal("server-san-missing", finding.Id);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Server_eku_and_key_usage()
    {
        Assert.Equal(["server-eku"], Ids(MemberLike().Eku(Purposes.ClientAuth).Build(), For(CertificateRole.Server)));
        Assert.Equal(["server-key-usage"], Ids(MemberLike().KeyUsage(X509KeyUsageFlags.KeyEncipherment).Build(), For(CertificateRole.Server)));
    }

    [Fact]
    public void Wildcards_match_one_label_and_ip_hosts_match_ip_sans()
    {
        var wildcard = MemberLike().San("*.example.com", "::1").Build();
        Assert.Empty(Ids(wildcard, For(CertificateRole.Server, "db7.example.com", "::1", "DB7.EXAMPLE.COM.")));
        Assert.Equal(["server-host-mismatch"], Ids(wildcard, For(CertificateRole.Server, "a.b.example.com")));
        Assert.Equal(["server-host-mismatch"], Ids(wildcard, For(CertificateRole.Server, "127.0.0.1")));
    }

    [Fact]
    public void Missing_context_is_reported_as_not_checked()
    {
        var report = CertificateLinter.Lint(Client().Build(), new LintOptions { Role = CertificateRole.Client });
        Assert.Equal(2, report.NotChecked.Count);
        Assert.Contains(report.NotChecked, n => n.StartsWith("issuer", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_has_a_unique_id_a_requirement_and_a_fix()
    {
        Assert.Equal(CertificateRules.All.Count, CertificateRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(CertificateRules.All, r =>
        {
            Assert.Matches("^[a-z]+(-[a-z0-9]+)+$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Requirement));
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
        });
    }
}
