using System.Text.Json;

namespace Tessera.Cli.Tests.Certs;

/// <summary>`tessera certs init` makes a PKI that passes its own lint and OpenSSL's verification.</summary>
public class InitCommandTests
{
    [Fact]
    public void Every_certificate_lints_clean_and_verifies_with_openssl()
    {
        using var folder = new TemporaryFolder();
        var init = TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki", "--hosts", "localhost,127.0.0.1,db2.example.com+10.0.0.2", "--clients", "alice,bob");
        Assert.True(init.ExitCode == 0, init.ToString());

        var members = new[] { "pki/members/localhost.pem", "pki/members/db2.example.com.pem" };
        var clients = new[] { "pki/clients/alice.pem", "pki/clients/bob.pem" };
        var hosts = new[] { "localhost,127.0.0.1", "db2.example.com,10.0.0.2" };
        for (var i = 0; i < members.Length; i++)
        {
            AssertClean(folder, members[i], "member", "--hosts", hosts[i]);
            AssertClean(folder, members[i], "server", "--hosts", hosts[i]);
        }

        foreach (var client in clients)
        {
            AssertClean(folder, client, "client");
        }

        foreach (var file in members.Concat(clients))
        {
            var verify = TesseraProcess.Start("openssl", ["verify", "-CAfile", "pki/ca.pem", file], folder.Path);
            Assert.True(verify.ExitCode == 0 && verify.Output.Contains(": OK", StringComparison.Ordinal), verify.ToString());
        }
    }

    [Fact]
    public void Private_keys_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TemporaryFolder();
        Assert.Equal(0, TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki").ExitCode);
        foreach (var key in new[] { "pki/ca.key", "pki/members/localhost.pem", "pki/clients/alice.pem" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder[key]));
        }

        Assert.True((File.GetUnixFileMode(folder["pki/ca.pem"]) & UnixFileMode.OtherRead) != 0, "the CA certificate is public");
    }

    [Fact]
    public void The_readme_says_which_file_goes_in_which_option()
    {
        using var folder = new TemporaryFolder();
        var init = TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki", "--org", "Acme, Inc.", "--clients", "alice");
        Assert.Equal(0, init.ExitCode);
        Assert.Contains(@"CN=alice,OU=Clients,O=Acme\, Inc.", init.Output, StringComparison.Ordinal);
        var readme = File.ReadAllText(folder["pki/README.md"]);
        Assert.Contains("--tlsCAFile", readme, StringComparison.Ordinal);
        Assert.Contains("members/localhost.pem", readme, StringComparison.Ordinal);
        Assert.Contains("tlsCertificateKeyFile=\"clients/alice.pem\"", readme, StringComparison.Ordinal);
        Assert.Contains(@"createUser: ""CN=alice,OU=Clients,O=Acme\\, Inc.""", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_pki_is_never_overwritten()
    {
        using var folder = new TemporaryFolder();
        Assert.Equal(0, TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki").ExitCode);
        var before = File.ReadAllBytes(folder["pki/ca.key"]);
        var again = TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds a PKI", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(folder["pki/ca.key"]));
    }

    [Fact]
    public void Members_are_members_and_clients_are_not()
    {
        using var folder = new TemporaryFolder();
        Assert.Equal(0, TesseraProcess.Run(folder.Path, "certs", "init", "--out", "pki", "--hosts", "localhost,db2").ExitCode);
        string Classify(string file) => JsonDocument.Parse(TesseraProcess.Run(
            folder.Path, "certs", "inspect", file, "--json", "--server-cert", "pki/members/localhost.pem").Output).RootElement.GetProperty("classification").GetString()!;
        Assert.Equal("member", Classify("pki/members/db2.pem"));
        Assert.Equal("client", Classify("pki/clients/alice.pem"));
    }

    private static void AssertClean(TemporaryFolder folder, string file, string role, params string[] extra)
    {
        var lint = TesseraProcess.Run(folder.Path, ["certs", "lint", file, "--as", role, "--ca", "pki/ca.pem", "--server-cert", "pki/members/localhost.pem", "--json", .. extra]);
        Assert.True(lint.ExitCode == 0, lint.ToString());
        var report = JsonDocument.Parse(lint.Output).RootElement;
        Assert.True(report.GetProperty("findings").GetArrayLength() == 0, lint.ToString());
        Assert.True(report.GetProperty("notChecked").GetArrayLength() == 0, lint.ToString());
    }
}
