namespace Tessera.Cli.Tests.Certs;

/// <summary>`tessera certs issue`: roots, intermediates and leaves, keys written safely, clear errors.</summary>
public sealed class IssueCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_root_an_intermediate_and_a_leaf_form_a_chain_openssl_accepts()
    {
        Ok(Run("certs", "issue", "ca", "--out", "root.pem", "--subject", "CN=Root,O=Acme"));
        Assert.True(File.Exists(_folder["root.key"]));
        Ok(Run("certs", "issue", "ca", "--out", "intermediate.pem", "--ca", "root.pem", "--subject", "CN=Issuing,O=Acme"));
        Ok(Run("certs", "issue", "server", "--out", "server.pem", "--ca", "intermediate.pem", "--san", "localhost,127.0.0.1", "--key-type", "rsa"));

        // The leaf file carries the intermediate, so a peer trusting only the root can verify it.
        var verify = TesseraProcess.Start("openssl", ["verify", "-CAfile", "root.pem", "-untrusted", "server.pem", "server.pem"], _folder.Path);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        var text = TesseraProcess.Start("openssl", ["x509", "-in", "server.pem", "-noout", "-text"], _folder.Path).Output;
        Assert.Contains("Public-Key: (2048 bit)", text, StringComparison.Ordinal);
        Assert.Contains("DNS:localhost, IP Address:127.0.0.1", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_encrypts_the_key()
    {
        Ok(Run("certs", "issue", "ca", "--out", "ca.pem"));
        Ok(Run("certs", "issue", "client", "--out", "alice.pem", "--ca", "ca.pem", "--subject", "CN=alice,O=Acme", "--password", "s3cret"));
        Assert.Contains("BEGIN ENCRYPTED PRIVATE KEY", File.ReadAllText(_folder["alice.pem"]), StringComparison.Ordinal);
        Assert.Equal(0, TesseraProcess.Start("openssl", ["pkey", "-in", "alice.pem", "-passin", "pass:s3cret", "-noout"], _folder.Path).ExitCode);
        Assert.NotEqual(0, TesseraProcess.Start("openssl", ["pkey", "-in", "alice.pem", "-passin", "pass:wrong", "-noout"], _folder.Path).ExitCode);
    }

    [Fact]
    public void An_encrypted_ca_key_needs_its_password()
    {
        Ok(Run("certs", "issue", "ca", "--out", "ca.pem", "--password", "capass"));
        var without = Run("certs", "issue", "client", "--out", "a.pem", "--ca", "ca.pem", "--subject", "CN=a");
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--ca-password", without.Error, StringComparison.Ordinal);
        Ok(Run("certs", "issue", "client", "--out", "a.pem", "--ca", "ca.pem", "--ca-password", "capass", "--subject", "CN=a"));
    }

    [Fact]
    public void A_client_needs_a_subject_and_every_leaf_a_ca()
    {
        Ok(Run("certs", "issue", "ca", "--out", "ca.pem"));
        var noSubject = Run("certs", "issue", "client", "--out", "a.pem", "--ca", "ca.pem");
        Assert.Equal(2, noSubject.ExitCode);
        Assert.Contains("$external user name", noSubject.Error, StringComparison.Ordinal);
        var noCa = Run("certs", "issue", "server", "--out", "s.pem");
        Assert.Equal(2, noCa.ExitCode);
        Assert.Contains("--ca CA.pem", noCa.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder["s.pem"]));
    }

    [Fact]
    public void A_bad_subject_names_the_problem()
    {
        Ok(Run("certs", "issue", "ca", "--out", "ca.pem"));
        var bad = Run("certs", "issue", "client", "--out", "a.pem", "--ca", "ca.pem", "--subject", "CN=a;b");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Found unescaped character that should be escaped: ';'", bad.Error, StringComparison.Ordinal);
    }

    private CommandResult Run(params string[] arguments) => TesseraProcess.Run(_folder.Path, arguments);

    private static void Ok(CommandResult result) => Assert.True(result.ExitCode == 0, result.ToString());
}
