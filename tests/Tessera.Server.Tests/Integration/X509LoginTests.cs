using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Server.Configuration;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>MONGODB-X509 with the official MongoDB.Driver over TLS: who gets in, as whom, and what the client sees.</summary>
public sealed class X509LoginTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public X509LoginTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task A_good_certificate_logs_in_as_its_subject()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var status = await ConnectionStatus(server.Client(_pki.Alice));
        Assert.Equal(new BsonArray { new BsonDocument { { "user", TestPki.AliceName }, { "db", "$external" } } }, status["authenticatedUsers"]);
        Assert.Equal(new BsonArray { new BsonDocument { { "role", "readWrite" }, { "db", "test" } } }, status["authenticatedUserRoles"]);
        Assert.True(server.Logged(5286306, e => Equals(e.Attributes["isSpeculative"], true)), "the driver's speculative authentication was used");
    }

    [Fact]
    public async Task The_user_name_may_be_given_when_it_equals_the_subject()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var status = await ConnectionStatus(server.Client(_pki.Alice, user: TestPki.AliceName));
        Assert.Equal(TestPki.AliceName, status["authenticatedUsers"][0]["user"].AsString);
    }

    [Fact]
    public async Task A_user_name_that_differs_from_the_subject_gets_authentication_failed()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => ConnectionStatus(server.Client(_pki.Alice, user: "CN=mallory,OU=Clients,O=Acme")));
        var command = Assert.IsType<MongoCommandException>(error.InnerException);
        Assert.Equal(18, command.Code);
        Assert.Equal("Authentication failed.", command.ErrorMessage);
        Assert.True(server.Logged(5286307, e => ((string)e.Attributes["error"]!).Contains("There is no x.509 client certificate matching the user.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_certificate_without_a_user_gets_user_not_found()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => ConnectionStatus(server.Client(_pki.Bob)));
        var command = Assert.IsType<MongoCommandException>(error.InnerException);
        Assert.Equal(11, command.Code);
        Assert.Equal("Could not find user \"CN=bob,OU=Clients,O=Acme\" for db \"$external\"", command.ErrorMessage);
    }

    [Fact]
    public async Task A_member_certificate_becomes_system_under_x509_cluster_auth()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var status = await ConnectionStatus(server.Client(_pki.MemberLike));
        Assert.Equal("__system", status["authenticatedUsers"][0]["user"].AsString);
        Assert.Equal("local", status["authenticatedUsers"][0]["db"].AsString);
        Assert.Equal(new BsonArray { new BsonDocument { { "role", "__system" }, { "db", "admin" } } }, status["authenticatedUserRoles"]);
        Assert.True(server.Logged(8209200));
    }

    [Fact]
    public async Task A_member_certificate_is_refused_under_keyfile_cluster_auth()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { ClusterAuthMode = ClusterAuthMode.KeyFile });
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => ConnectionStatus(server.Client(_pki.MemberLike)));
        Assert.Equal(18, Assert.IsType<MongoCommandException>(error.InnerException).Code);
        Assert.True(server.Logged(5286307, e => ((string)e.Attributes["error"]!).Contains("can only be used for cluster authentication", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_login_commands_need_authentication()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { AllowConnectionsWithoutCertificates = true });
        var client = server.Client(null, x509: false);
        var ping = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        Assert.Equal(1.0, ping["ok"].ToDouble());
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("getCmdLineOpts", 1)));
        Assert.Equal(13, error.Code);
        Assert.Equal("Command getCmdLineOpts requires authentication", error.ErrorMessage);
    }

    [Fact]
    public async Task Unknown_commands_get_command_not_found()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() =>
            server.Client(_pki.Alice).GetDatabase("test").RunCommandAsync<BsonDocument>(new BsonDocument("frobnicate", 1)));
        Assert.Equal(59, error.Code);
        Assert.Equal("CommandNotFound", error.CodeName);
    }

    private static async Task<BsonDocument> ConnectionStatus(MongoClient client) =>
        (await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1)))["authInfo"].AsBsonDocument;
}
