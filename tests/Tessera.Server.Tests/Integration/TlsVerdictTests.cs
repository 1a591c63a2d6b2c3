using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Security.Files;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>
/// Client certificates refused at the TLS layer, on every connection: MongoDB.Driver resumes TLS sessions on its
/// pooled connections, so a refusal must hold on resumed sessions too (real-clients.md §6), and a good certificate
/// must be authenticated on every pooled connection.
/// </summary>
public sealed class TlsVerdictTests : IClassFixture<TestPki>
{
    private const int Attempts = 4;
    private readonly TestPki _pki;

    public TlsVerdictTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task An_expired_certificate_is_refused_on_every_connection()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        await AssertRefusedEveryTime(server, _pki.Expired, "certificate has expired");
        Assert.All(server.Log.Where(e => e.Id == 23256), e => Assert.Equal("CN=expired-carol,OU=Clients,O=Acme", e.Attributes["peerSubject"]));
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused_on_every_connection_when_the_server_has_the_crl()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { RevocationLists = RevocationListFile.Load(_pki.CrlFile) });
        await AssertRefusedEveryTime(server, _pki.Revoked, "certificate revoked");
    }

    [Fact]
    public async Task Without_the_crl_a_revoked_certificate_is_not_known_to_be_revoked()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        server.Users.TryCreate(new Users.UserRecord("CN=revoked-dave,OU=Clients,O=Acme", "$external", [new("read", "test")], Guid.NewGuid()));
        var status = await server.Client(_pki.Revoked).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        Assert.Equal("CN=revoked-dave,OU=Clients,O=Acme", status["authInfo"]["authenticatedUsers"][0]["user"].AsString);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        await AssertRefusedEveryTime(server, _pki.OtherCaAlice, "unable to get local issuer certificate");
    }

    [Fact]
    public async Task A_certificate_for_servers_only_is_refused_as_a_client()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        await AssertRefusedEveryTime(server, _pki.ServerAuthOnly, "unsuitable certificate purpose");
    }

    [Fact]
    public async Task No_certificate_is_refused_unless_allowed()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        await Assert.ThrowsAnyAsync<Exception>(() => Ping(server.Client(null, x509: false)));
        Assert.True(server.Logged(23255));
    }

    [Fact]
    public async Task An_invalid_certificate_admitted_by_allow_invalid_certificates_cannot_log_in()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { AllowInvalidCertificates = true });
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => Ping(server.Client(_pki.Expired)));
        Assert.Equal(18, Assert.IsType<MongoCommandException>(error.InnerException).Code);
        Assert.True(server.Logged(23235));
        Assert.True(server.Logged(5286307, e => ((string)e.Attributes["error"]!).Contains("No verified subject name available from client", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_good_certificate_is_authenticated_on_every_pooled_connection()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var client = server.Client(_pki.Alice);
        var database = client.GetDatabase("admin");
        // Concurrent commands make the pool open several connections, which resume the first TLS session.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            database.RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1))));
        Assert.All(statuses, s => Assert.Equal(TestPki.AliceName, s["authInfo"]["authenticatedUsers"][0]["user"].AsString));
        Assert.True(server.CountLogged(22943) >= 3, "the pool opened several connections");
        Assert.Equal(server.CountLogged(22943) - 1, server.CountLogged(5286306)); // every connection but the monitor's logged in
        Assert.False(server.Logged(23256));
    }

    private static async Task AssertRefusedEveryTime(RunningServer server, string certificate, string reason)
    {
        // New clients in one process share .NET's TLS session cache, so later connections offer to resume.
        for (var i = 0; i < Attempts; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Ping(server.Client(certificate, timeoutMs: 1000)));
        }

        Assert.True(server.CountLogged(23256) >= Attempts, $"refused, with the reason logged, on every connection ({server.CountLogged(23256)} of {server.CountLogged(22943)}): " + string.Join("\n", server.Log.Select(Server.Logging.ServerLog.Render)));
        Assert.All(server.Log.Where(e => e.Id == 23256), e => Assert.Contains(reason, (string)e.Attributes["error"]!, StringComparison.Ordinal));
        Assert.False(server.Logged(5286306), "no connection was ever authenticated");
        Assert.False(server.Logged(22943, e => server.Log.Any(c => c.Id == 51800)), "no connection ever got to send hello");
    }

    private static Task<BsonDocument> Ping(MongoClient client) =>
        client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));

    [Fact]
    public async Task Tls_log_versions_logs_each_accepted_connection_of_those_versions()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { LoggedProtocols = System.Security.Authentication.SslProtocols.Tls13 });
        await Ping(server.Client(_pki.Alice));
        Assert.True(server.Logged(23218, e => (string)e.Attributes["tlsVersion"]! == "1.3"));
    }
}
