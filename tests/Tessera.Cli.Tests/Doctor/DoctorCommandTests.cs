using System.Net;
using System.Net.Sockets;
using Tessera.Testing;

namespace Tessera.Cli.Tests.Doctor;

/// <summary>
/// `tessera doctor URI` as a process against `tessera serve` processes: every step printed in order, and for each
/// failure class of MongoDB's TLS troubleshooting guide the failing step with its cause and fix, and the exit code.
/// </summary>
public sealed class DoctorCommandTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public DoctorCommandTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task A_good_setup_passes_every_step_and_shows_the_server_chain()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var result = Doctor(server, "");
        Assert.True(result.ExitCode == 0, result.ToString());
        var steps = new[] { "resolve", "tcp", "tls handshake", "hostname", "revocation", "ocsp", "hello", "x509 login", "ping" };
        var lines = result.Output.Split('\n');
        var positions = steps.Select(step => Array.FindIndex(lines, l => l.StartsWith("  " + step + " ", StringComparison.Ordinal))).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, result.ToString()));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("ok", Step(result, "x509 login"), StringComparison.Ordinal);
        Assert.Contains(TestPki.AliceName, Step(result, "x509 login"), StringComparison.Ordinal);
        Assert.Contains("skipped", Step(result, "revocation"), StringComparison.Ordinal);
        Assert.Contains("skipped no stapled response, and the certificate names no OCSP responder", Step(result, "ocsp"), StringComparison.Ordinal);
        Assert.Contains("[0] CN=localhost,OU=Cluster,O=Acme", result.Output, StringComparison.Ordinal);
        Assert.Contains("SAN: DNS:localhost, IP:127.0.0.1", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("all checks passed", result.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_tlsCRLFile_a_good_certificate_passes_the_revocation_step()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var result = Doctor(server, $"tlsCRLFile={_pki.CrlFile}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"ok      not revoked (tlsCRLFile={_pki.CrlFile})", Step(result, "revocation"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_ca_fails_the_handshake_naming_tlsCAFile()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.ForeignServer);
        var result = Doctor(server, "");
        AssertFailed(result, "tls handshake", $"not signed by a CA in tlsCAFile={_pki.CaFile}", "into tlsCAFile");
        Assert.Contains("O=Evil", result.Output, StringComparison.Ordinal); // the chain the server sent is shown
    }

    [Fact]
    public async Task With_tlsAllowInvalidCertificates_an_unknown_ca_passes_and_says_it_was_not_verified()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.ForeignServer);
        var result = Run($"mongodb://localhost:{server.Port}/?tls=true&tlsAllowInvalidCertificates=true&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("certificate not verified: tlsAllowInvalidCertificates=true", Step(result, "tls handshake"), StringComparison.Ordinal);
        Assert.Contains("skipped", Step(result, "hostname"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_server_chain_fails_the_handshake_naming_the_expired_certificate()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.ExpiredChainServer);
        AssertFailed(Doctor(server, ""), "tls handshake", "certificate has expired: the CA certificate 'CN=Acme Expired Issuing CA,O=Acme'", "renew");
    }

    [Fact]
    public async Task A_name_mismatch_passes_the_handshake_and_fails_the_hostname_step()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.OtherNameServer);
        var result = Doctor(server, "");
        Assert.Contains("ok", Step(result, "tls handshake"), StringComparison.Ordinal);
        AssertFailed(result, "hostname", "is for SAN(s): db.example.test", "tlsAllowInvalidHostnames=true");
    }

    [Fact]
    public async Task A_revoked_server_certificate_fails_the_revocation_step()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.RevokedServer);
        var result = Doctor(server, $"tlsCRLFile={_pki.CrlFile}");
        Assert.Contains("ok", Step(result, "hostname"), StringComparison.Ordinal);
        AssertFailed(result, "revocation", "certificate revoked", "new certificate");
    }

    [Fact]
    public async Task A_client_certificate_the_server_refuses_is_explained_as_such()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var result = Doctor(server, "", clientFile: _pki.ForeignClient);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED", result.Output, StringComparison.Ordinal);
        Assert.Contains("the server does not trust the CA that issued the client certificate", result.Output, StringComparison.Ordinal);
        Assert.Contains("alert unknown ca", result.Output, StringComparison.Ordinal);
        Assert.Contains("CN=mallory", result.Output, StringComparison.Ordinal);
        Assert.Contains("23256", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_listening_fails_the_tcp_step()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var result = Run($"mongodb://localhost:{port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509");
        AssertFailed(result, "tcp", $"nothing is listening on localhost:{port}", "start the server");
    }

    [Fact]
    public async Task A_wrong_user_name_fails_the_login_with_server_error_18_and_the_subject()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var result = Run($"mongodb://CN%3Dbob@localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509");
        AssertFailed(result, "x509 login", "error 18 (AuthenticationFailed)", $"'{TestPki.AliceName}'");
    }

    [Fact]
    public void A_missing_ca_file_is_a_configuration_error_with_exit_2()
    {
        var result = Run($"mongodb://localhost:1/?tls=true&tlsCAFile={_pki.Directory}/missing.pem");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.pem", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_is_never_printed()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var result = Run($"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.AliceEncrypted}&tlsCertificateKeyFilePassword={TestPki.Password}&authMechanism=MONGODB-X509");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(TestPki.Password, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("tlsCertificateKeyFilePassword=<password>", result.Output, StringComparison.Ordinal);
    }

    private CommandResult Doctor(ServeProcess server, string options, string? clientFile = null) =>
        Run($"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={clientFile ?? _pki.Alice}&authMechanism=MONGODB-X509"
            + (options.Length > 0 ? "&" + options : ""));

    private CommandResult Run(string uri) => TesseraProcess.Run(_pki.Directory, "doctor", uri);

    private static string Step(CommandResult result, string step) =>
        result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("  " + step + " ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no '{step}' line in:\n{result}");

    private static void AssertFailed(CommandResult result, string step, string cause, string fix)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED", Step(result, step), StringComparison.Ordinal);
        var lines = result.Output.Split('\n');
        var failed = Array.FindIndex(lines, l => l.StartsWith("  " + step + " ", StringComparison.Ordinal));
        var causeLine = lines.Skip(failed).First(l => l.TrimStart().StartsWith("cause:", StringComparison.Ordinal));
        var fixLine = lines.Skip(failed).First(l => l.TrimStart().StartsWith("fix:", StringComparison.Ordinal));
        Assert.Contains(cause, causeLine, StringComparison.Ordinal);
        Assert.Contains(fix, fixLine, StringComparison.Ordinal);
        Assert.Contains("a check failed", result.Output, StringComparison.Ordinal);
    }
}
