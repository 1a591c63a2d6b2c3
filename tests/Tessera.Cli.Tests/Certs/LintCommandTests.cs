using System.Text.Json;

namespace Tessera.Cli.Tests.Certs;

/// <summary>`tessera certs lint` flags a deliberately bad set, each with the right rule id and exit code.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public LintCommandTests()
    {
        Assert.Equal(0, Run("certs", "init", "--out", "pki", "--org", "Acme").ExitCode);
        Assert.Equal(0, Run("certs", "init", "--out", "other", "--org", "Evil").ExitCode);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Wrong_eku()
    {
        Issue("client", "eku.pem", "--subject", "CN=eve,OU=Clients,O=Acme", "--eku", "serverAuth");
        AssertFindings(Lint("eku.pem", "client"), 1, "client-eku");
    }

    [Fact]
    public void No_san()
    {
        Issue("server", "nosan.pem", "--subject", "CN=db,OU=Cluster,O=Acme");
        AssertFindings(Lint("nosan.pem", "server"), 0, "server-san-missing");
    }

    [Fact]
    public void A_client_with_the_members_o_ou()
    {
        Issue("client", "member-like.pem", "--subject", "CN=mallory,OU=Cluster,O=Acme");
        AssertFindings(Lint("member-like.pem", "client"), 1, "client-member-attributes");
    }

    [Fact]
    public void Expired()
    {
        Issue("client", "expired.pem", "--subject", "CN=old,OU=Clients,O=Acme", "--not-before", "2020-01-01T00:00:00Z", "--not-after", "2021-01-01T00:00:00Z");
        AssertFindings(Lint("expired.pem", "client"), 1, "cert-expired");
    }

    [Fact]
    public void Another_ca()
    {
        AssertFindings(Lint("other/clients/alice.pem", "client"), 1, "cert-untrusted-issuer");
        AssertFindings(Lint("other/members/localhost.pem", "member", "--hosts", "localhost"), 1, "cert-untrusted-issuer", "member-attributes-mismatch", "member-issuer-mismatch");
    }

    [Fact]
    public void Expiring_in_ten_days()
    {
        Issue("client", "soon.pem", "--subject", "CN=soon,OU=Clients,O=Acme", "--days", "10");
        AssertFindings(Lint("soon.pem", "client"), 0, "cert-expires-soon");
    }

    [Fact]
    public void A_member_with_the_wrong_eku_for_its_use()
    {
        Issue("member", "client-only.pem", "--san", "localhost", "--subject", "CN=m,OU=Cluster,O=Acme", "--eku", "clientAuth");
        AssertFindings(Lint("client-only.pem", "member", "--hosts", "localhost"), 1, "member-eku");
        AssertFindings(Lint("client-only.pem", "member", "--hosts", "localhost", "--usage", "cluster-file"), 0);
    }

    [Fact]
    public void The_table_names_rule_message_and_fix()
    {
        Issue("client", "eku.pem", "--subject", "CN=eve,OU=Clients,O=Acme", "--eku", "serverAuth");
        var table = Run("certs", "lint", "eku.pem", "--ca", "pki/ca.pem", "--server-cert", "pki/members/localhost.pem");
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("error     client-eku", table.Output, StringComparison.Ordinal);
        Assert.Contains("without clientAuth", table.Output, StringComparison.Ordinal);
        Assert.Contains("fix: Reissue with extendedKeyUsage clientAuth", table.Output, StringComparison.Ordinal);
        Assert.Contains("1 error(s), 0 warning(s)", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var result = Run("certs", "lint", "missing.pem");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'missing.pem' does not exist", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private CommandResult Run(params string[] arguments) => TesseraProcess.Run(_folder.Path, arguments);

    private void Issue(string profile, string file, params string[] extra)
    {
        var result = Run(["certs", "issue", profile, "--out", file, "--ca", "pki/ca.pem", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private CommandResult Lint(string file, string role, params string[] extra) =>
        Run(["certs", "lint", file, "--as", role, "--ca", "pki/ca.pem", "--server-cert", "pki/members/localhost.pem", "--json", .. extra]);

    private static void AssertFindings(CommandResult lint, int exitCode, params string[] rules)
    {
        Assert.True(lint.ExitCode == exitCode, lint.ToString());
        var findings = JsonDocument.Parse(lint.Output).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("rule").GetString()!).Order().ToArray();
        Assert.Equal(rules.Order(), findings);
    }
}
