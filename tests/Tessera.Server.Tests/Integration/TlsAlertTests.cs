using MongoDB.Bson;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>
/// A refused client certificate ends the handshake with the TLS alert that names the reason (the issue's deliberate
/// improvement over mongod's silent close), seen by a real OpenSSL client under TLS 1.2 and TLS 1.3; and a resumed
/// session, which carries no certificate message, still logs in as its certificate's subject.
/// </summary>
public sealed class TlsAlertTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public TlsAlertTests(TestPki pki) => _pki = pki;

    public static TheoryData<string> Versions => new() { "-tls1_2", "-tls1_3" };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task An_expired_certificate_gets_certificate_expired(string version) =>
        await AssertAlert(version, _pki.Expired, "alert certificate expired", 45, "certificate has expired");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_revoked_certificate_gets_certificate_revoked(string version) =>
        await AssertAlert(version, _pki.Revoked, "alert certificate revoked", 44, "certificate revoked",
            s => s with { RevocationLists = RevocationListFile.Load(_pki.CrlFile) });

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_certificate_from_another_ca_gets_unknown_ca(string version) =>
        await AssertAlert(version, _pki.OtherCaAlice, "alert unknown ca", 48, "unable to get local issuer certificate");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_certificate_without_client_auth_gets_bad_certificate(string version) =>
        await AssertAlert(version, _pki.ServerAuthOnly, "alert bad certificate", 42, "unsuitable certificate purpose");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_stale_crl_gets_certificate_unknown(string version)
    {
        // The server cannot tell whether alice is revoked: the alert does not blame her certificate.
        var staleCrl = Path.Combine(_pki.Directory, $"stale-{version}.pem");
        using (var ca = CertificateKeyFile.Load(_pki.CaFile, Path.Combine(_pki.Directory, "pki", DeploymentPki.CaKeyFile), null, CertificateKeyFileOption.TlsCertificateKeyFile).Certificate)
        {
            var crl = new RevocationListIssuer().Issue(new RevocationListRequest
            {
                ThisUpdate = DateTimeOffset.UtcNow.AddDays(-10),
                NextUpdate = DateTimeOffset.UtcNow.AddDays(-1),
            }, ca);
            CertificateFileWriter.WriteRevocationList(staleCrl, crl);
        }

        await AssertAlert(version, _pki.Alice, "alert certificate unknown", 46, "CRL has expired",
            s => s with { RevocationLists = RevocationListFile.Load(staleCrl) });
    }

    [Fact]
    public async Task No_certificate_gets_certificate_required_under_tls_1_3()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var output = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-tls1_3", "-ign_eof"]);
        Assert.Contains("alert certificate required", output, StringComparison.Ordinal);
        Assert.Contains("SSL alert number 116", output, StringComparison.Ordinal);
        Assert.True(server.Logged(23255));
    }

    [Fact]
    public async Task No_certificate_gets_handshake_failure_under_tls_1_2()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var output = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-tls1_2", "-ign_eof"]);
        Assert.Contains("alert handshake failure", output, StringComparison.Ordinal);
        Assert.True(server.Logged(23255));
    }

    [Fact]
    public async Task A_disabled_tls_1_3_gets_a_protocol_version_alert()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { EnabledProtocols = System.Security.Authentication.SslProtocols.Tls12 });
        var output = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", _pki.Alice, "-tls1_3", "-ign_eof"]);
        Assert.True(output.Contains("alert protocol version", StringComparison.Ordinal), output);
        var twelve = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", _pki.Alice, "-tls1_2"], linger: TimeSpan.FromMilliseconds(300));
        Assert.True(twelve.Contains("New, TLSv1.2", StringComparison.Ordinal), twelve);
    }

    [Fact]
    public async Task Garbage_after_a_tls_record_header_ends_that_connection_only()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        using (var bad = new System.Net.Sockets.TcpClient())
        {
            await bad.ConnectAsync(System.Net.IPAddress.Loopback, server.Port);
            var garbage = new byte[600];
            new Random(7).NextBytes(garbage);
            garbage[0] = 0x16; // a handshake record of TLS 1.2, then noise
            garbage[1] = 3;
            garbage[2] = 3;
            garbage[3] = 0;
            garbage[4] = 200;
            var stream = bad.GetStream();
            await stream.WriteAsync(garbage);
            var reply = new byte[64];
            while (await stream.ReadAsync(reply) > 0)
            {
                // an alert at most, then the end of the stream
            }
        }

        Assert.True(server.Logged(22988, e => e.Attributes["error"] is Dictionary<string, object> error && ((string)error["errmsg"]).StartsWith("SSL handshake failed", StringComparison.Ordinal)),
            string.Join("\n", server.Log.Select(Server.Logging.ServerLog.Render)));
        var good = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", _pki.Alice], linger: TimeSpan.FromMilliseconds(300));
        Assert.True(good.Contains("New, TLSv1.3", StringComparison.Ordinal), good);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_resumed_session_logs_in_as_its_certificates_subject(string version)
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var session = Path.Combine(_pki.Directory, $"session{version}.pem");
        var first = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", _pki.Alice, version, "-sess_out", session],
            linger: TimeSpan.FromMilliseconds(500)); // long enough to receive the session ticket TLS 1.3 sends after the handshake
        Assert.Contains("New, TLSv1.", first, StringComparison.Ordinal);

        // The resumed handshake sends no certificate (and this client offers none): the subject comes from the session.
        var resumed = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, version, "-sess_in", session],
            input: HelloWithSpeculativeX509(), linger: TimeSpan.FromMilliseconds(1500));
        Assert.Contains("Reused, TLSv1.", resumed, StringComparison.Ordinal);
        Assert.True(server.Logged(5286306, e => (string)e.Attributes["user"]! == TestPki.AliceName && (bool)e.Attributes["isSpeculative"]!),
            "the resumed connection logged in as alice: " + string.Join("\n", server.Log.Select(Server.Logging.ServerLog.Render)));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_refused_certificate_leaves_no_session_to_resume(string version)
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var session = Path.Combine(_pki.Directory, $"refused-session{version}.pem");
        await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", _pki.Expired, version, "-sess_out", session, "-ign_eof"]);
        Assert.False(File.Exists(session) && new FileInfo(session).Length > 0 && await ResumesAsync(server.Port, version, session),
            "a session of a refused handshake was resumed");
    }

    private async Task<bool> ResumesAsync(int port, string version, string session) =>
        (await OpenSslClient.RunAsync(port, ["-CAfile", _pki.CaFile, version, "-sess_in", session], linger: TimeSpan.FromMilliseconds(300)))
        .Contains("Reused, TLSv1.", StringComparison.Ordinal);

    private async Task AssertAlert(string version, string certificate, string alert, int number, string loggedReason, Func<Hosting.ServerSetup, Hosting.ServerSetup>? adjust = null)
    {
        await using var server = await RunningServer.StartAsync(_pki, adjust);
        var output = await OpenSslClient.RunAsync(server.Port, ["-CAfile", _pki.CaFile, "-cert", certificate, version, "-ign_eof"]);
        Assert.True(output.Contains(alert, StringComparison.Ordinal) && output.Contains($"SSL alert number {number}", StringComparison.Ordinal),
            $"the client saw \"{alert}\" (alert number {number}):\n{output}");
        Assert.True(server.Logged(23256, e => ((string)e.Attributes["error"]!).Contains(loggedReason, StringComparison.Ordinal)),
            "the reason is logged: " + string.Join("\n", server.Log.Select(Server.Logging.ServerLog.Render)));
    }

    // OP_MSG hello with speculativeAuthenticate for MONGODB-X509, as drivers send it first on a connection.
    private static byte[] HelloWithSpeculativeX509()
    {
        var body = new BsonDocument
        {
            { "hello", 1 },
            { "speculativeAuthenticate", new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" }, { "db", "$external" } } },
            { "$db", "admin" },
        }.ToBson();
        var message = new byte[16 + 4 + 1 + body.Length];
        BitConverter.TryWriteBytes(message.AsSpan(0), message.Length);
        BitConverter.TryWriteBytes(message.AsSpan(4), 1);      // requestID
        BitConverter.TryWriteBytes(message.AsSpan(12), 2013);  // OP_MSG
        message[20] = 0;                                       // section kind 0: the body
        body.CopyTo(message, 21);
        return message;
    }
}
