using System.Text.Json;

namespace Tessera.Cli.Tests.Certs;

/// <summary>`tessera certs inspect --json`: the subject exactly as MongoDB names the user.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public InspectCommandTests() => Assert.Equal(0, Run("certs", "init", "--out", "pki").ExitCode);

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("CN=alice,OU=Clients,O=Acme")]
    [InlineData(@"CN=Smith\, John,OU=Sales+L=Paris,O=Acme\, Inc.,C=FR")]
    [InlineData("emailAddress=a@example.com,CN=bob,title=Dr,O=Acme,DC=example,DC=com")]
    [InlineData(@"CN=a\+b\<c\>d\;e,O=x=y")]
    public void Plain_ascii_subjects_read_as_openssl_prints_them(string subject)
    {
        Issue("client.pem", "--subject", subject);
        var openssl = TesseraProcess.Start("openssl", ["x509", "-in", "client.pem", "-noout", "-subject", "-nameopt", "RFC2253"], _folder.Path);
        Assert.Equal(0, openssl.ExitCode);
        var expected = openssl.Output.Trim()["subject=".Length..];
        Assert.Equal(expected, Inspect("client.pem").GetProperty("subject").GetString());
    }

    [Fact]
    public void Utf8_subjects_use_mongods_upper_case_hex_escapes()
    {
        Issue("utf8.pem", "--subject", "CN=Калоян,OU=Kernel Users,O=MongoDB");
        Assert.Equal(@"CN=\D0\9A\D0\B0\D0\BB\D0\BE\D1\8F\D0\BD,OU=Kernel Users,O=MongoDB", Inspect("utf8.pem").GetProperty("subject").GetString());
    }

    [Fact]
    public void Multi_valued_rdns_use_mongods_order()
    {
        // Given most specific first; DER sorts the members of each RDN, and mongod prints them reversed.
        Issue("multi.pem", "--subject", "C=US+ST=New York+L=New York City,CN=client+OU=KernelUser+O=MongoDB");
        Assert.Equal("L=New York City+ST=New York+C=US,OU=KernelUser+O=MongoDB+CN=client", Inspect("multi.pem").GetProperty("subject").GetString());
    }

    [Fact]
    public void Shows_issuer_validity_san_eku_key_usage_and_roles()
    {
        var member = Inspect("pki/members/localhost.pem");
        Assert.Equal("CN=Tessera CA,OU=PKI,O=Tessera", member.GetProperty("issuer").GetString());
        Assert.Equal(["DNS:localhost", "IP:127.0.0.1"], member.GetProperty("san").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["serverAuth", "clientAuth"], member.GetProperty("eku").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["digitalSignature", "keyEncipherment", "keyAgreement"], member.GetProperty("keyUsage").EnumerateArray().Select(e => e.GetString()));
        Assert.True(member.GetProperty("notBefore").GetDateTimeOffset() < DateTimeOffset.UtcNow);
        Assert.True(member.GetProperty("notAfter").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(800));

        Issue("roles.pem", "--subject", "CN=reporter,OU=Clients,O=Tessera", "--roles", "read@reporting,clusterMonitor@admin");
        var roles = Inspect("roles.pem");
        Assert.Equal(["read@reporting", "clusterMonitor@admin"], roles.GetProperty("mongoRoles").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_text_form_leads_with_the_user_name_and_its_createuser_command()
    {
        var text = Run("certs", "inspect", "pki/clients/alice.pem", "--server-cert", "pki/members/localhost.pem");
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("subject              CN=alice,OU=Clients,O=Tessera", text.Output, StringComparison.Ordinal);
        Assert.Contains("classification       client", text.Output, StringComparison.Ordinal);
        Assert.Contains("createUser: \"CN=alice,OU=Clients,O=Tessera\"", text.Output, StringComparison.Ordinal);
    }

    private CommandResult Run(params string[] arguments) => TesseraProcess.Run(_folder.Path, arguments);

    private void Issue(string file, params string[] extra)
    {
        var result = Run(["certs", "issue", "client", "--out", file, "--ca", "pki/ca.pem", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private JsonElement Inspect(string file)
    {
        var result = Run("certs", "inspect", file, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }
}
