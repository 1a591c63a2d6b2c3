using MongoDB.Bson;
using Tessera.Client.Connection;
using Tessera.Testing;

namespace Tessera.Client.Tests.Connection;

/// <summary>What an open connection does when its server goes away: a clear failure, and never a reply out of step.</summary>
public sealed class ConnectionLifetimeTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public ConnectionLifetimeTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task AfterTheServerStopsACommandFailsAsClosedAndTheConnectionStaysFailed()
    {
        var server = await ServeProcess.StartAsync(_pki);
        await using var connection = await TesseraConnection.OpenAsync(
            $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509");
        await connection.RunCommandAsync("admin", new BsonDocument("ping", 1));
        await server.DisposeAsync();

        var closed = await Assert.ThrowsAsync<ConnectionFailedException>(() => connection.RunCommandAsync("admin", new BsonDocument("ping", 1)));
        Assert.Equal(ConnectionFailureKind.ConnectionClosed, closed.Kind);
        Assert.Equal(ConnectionStep.Command, closed.Step);

        var again = await Assert.ThrowsAsync<ConnectionFailedException>(() => connection.RunCommandAsync("admin", new BsonDocument("ping", 1)));
        Assert.Contains("open a new connection", again.Fix, StringComparison.Ordinal);
    }
}
