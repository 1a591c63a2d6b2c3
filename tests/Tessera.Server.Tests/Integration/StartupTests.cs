using MongoDB.Bson;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Tests.Support;
using Tessera.Server.Users;

namespace Tessera.Server.Tests.Integration;

/// <summary>Start-up: options become a setup, the server's own certificate is checked, and warnings reach getLog.</summary>
public sealed class StartupTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public StartupTests(TestPki pki) => _pki = pki;

    [Fact]
    public void Mongod_options_load_into_a_setup_with_membership_from_the_server_subject()
    {
        var options = ServerOptionsParser.Parse(
        [
            "--port", "0", "--tlsMode", "requireTLS", "--tlsCertificateKeyFile", _pki.ServerFile, "--tlsCAFile", _pki.CaFile,
            "--tlsCRLFile", _pki.CrlFile, "--auth", "--clusterAuthMode", "x509", "--dbpath", _pki.Directory,
        ]);
        var setup = ServerSetupLoader.Load(options);
        Assert.Equal(TlsMode.RequireTls, setup.TlsMode);
        Assert.True(setup.AuthorizationEnabled);
        Assert.Single(setup.RevocationLists);
        Assert.Equal("OU=Cluster,O=Acme", setup.Membership!.DefaultMemberAttributes.ToString());
        Assert.True(setup.AllowsX509Membership);
    }

    [Fact]
    public void A_crl_from_another_ca_refuses_to_start()
    {
        var otherCa = Path.Combine(_pki.Directory, "other", "ca.pem");
        var options = ServerOptionsParser.Parse(
            ["--tlsMode", "requireTLS", "--tlsCertificateKeyFile", _pki.ServerFile, "--tlsCAFile", otherCa, "--tlsCRLFile", _pki.CrlFile]);
        var error = Assert.Throws<CertificateFileException>(() => ServerSetupLoader.Load(options));
        Assert.Contains("not a CA of tlsCAFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_server_certificate_refuses_to_start()
    {
        var expired = CertificateKeyFile.Load(_pki.Expired, null);
        var setup = new ServerSetup { TlsMode = TlsMode.RequireTls, ServerCertificate = expired };
        var error = Assert.Throws<InvalidOperationException>(() => new TesseraServer(setup, new ServerLog(null), new InMemoryUserStore()));
        Assert.Contains("The provided SSL certificate is expired or not yet valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_without_san_is_a_startup_warning_in_get_log()
    {
        var path = IssueServerWithoutSan();
        await using var server = await RunningServer.StartAsync(_pki, s => s with { ServerCertificate = CertificateKeyFile.Load(path, null), TlsMode = TlsMode.AllowTls });
        Assert.Contains(server.Context.Log.StartupWarnings, line => line.Contains("\"id\":551190", StringComparison.Ordinal));
        var reply = await server.Client(_pki.MemberLike, allowInvalidHostnames: true).GetDatabase("admin")
            .RunCommandAsync<BsonDocument>(new BsonDocument("getLog", "startupWarnings"));
        Assert.Contains(reply["log"].AsBsonArray, line => line.AsString.Contains("Subject Alternative Name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_cmd_line_opts_shows_the_options_without_passwords()
    {
        var options = ServerOptionsParser.Parse(["--port", "0", "--tlsMode", "requireTLS", "--tlsCertificateKeyFile", _pki.ServerFile,
            "--tlsCertificateKeyFilePassword", "hunter2", "--tlsCAFile", _pki.CaFile, "--auth", "--dbpath", _pki.Directory]);
        var setup = ServerSetupLoader.Load(options);
        await using var server = await RunningServer.StartAsync(_pki, s => s with { CommandLineOptions = setup.CommandLineOptions });
        var reply = await server.Client(_pki.MemberLike).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("getCmdLineOpts", 1));
        Assert.DoesNotContain("hunter2", reply.ToJson(), StringComparison.Ordinal);
        Assert.Equal("requireTLS", reply["parsed"]["net"]["tls"]["mode"].AsString);
    }

    [Fact]
    public void An_expired_cluster_file_refuses_to_start()
    {
        var options = ServerOptionsParser.Parse(["--tlsMode", "requireTLS", "--tlsCertificateKeyFile", _pki.ServerFile, "--tlsCAFile", _pki.CaFile,
            "--tlsClusterFile", _pki.Expired]);
        var error = Assert.Throws<InvalidOperationException>(() => ServerSetupLoader.Load(options));
        Assert.StartsWith("ssl client initialization problem for certificate: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_pki.Expired, error.Message, StringComparison.Ordinal);
    }

    private string IssueServerWithoutSan()
    {
        using var ca = CertificateKeyFile.Load(_pki.CaFile, Path.Combine(_pki.Directory, "pki", "ca.key"), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate;
        using var certificate = new CertificateIssuer().Issue(new IssueRequest
        {
            Profile = CertificateProfile.Member,
            Subject = DistinguishedNameParser.Parse("CN=nosan,OU=Cluster,O=Acme").ToX500DistinguishedName(),
        }, ca);
        var path = Path.Combine(_pki.Directory, "nosan.pem");
        CertificateFileWriter.WriteCombined(path, certificate);
        return path;
    }
}
