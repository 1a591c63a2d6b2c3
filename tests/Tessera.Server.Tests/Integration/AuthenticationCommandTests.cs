using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>The authentication commands sent by hand, as other drivers and shells send them (server-behavior.md §1).</summary>
public sealed class AuthenticationCommandTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public AuthenticationCommandTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task Sasl_start_with_an_empty_payload_logs_in()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var database = server.Client(_pki.Alice, x509: false).GetDatabase("$external");
        var reply = await database.RunCommandAsync<BsonDocument>(new BsonDocument { { "saslStart", 1 }, { "mechanism", "MONGODB-X509" }, { "payload", new BsonBinaryData([]) } });
        Assert.Equal(1, reply["conversationId"].AsInt32);
        Assert.True(reply["done"].AsBoolean);
        Assert.Equal(new BsonBinaryData([]), reply["payload"]);
    }

    [Fact]
    public async Task Sasl_start_on_another_database_passes_mechanism_unavailable_through()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice, x509: false).GetDatabase("test")
            .RunCommandAsync<BsonDocument>(new BsonDocument { { "saslStart", 1 }, { "mechanism", "MONGODB-X509" }, { "payload", new BsonBinaryData([]) } }));
        Assert.Equal(334, error.Code);
        Assert.Equal("Unsupported mechanism 'MONGODB-X509' on authentication database 'test'", error.ErrorMessage);
    }

    [Fact]
    public async Task Authenticate_on_another_database_is_masked()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice, x509: false).GetDatabase("test")
            .RunCommandAsync<BsonDocument>(new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" } }));
        Assert.Equal(18, error.Code);
        Assert.Equal("Authentication failed.", error.ErrorMessage);
    }

    [Fact]
    public async Task Authenticate_refuses_unknown_fields_and_needs_a_mechanism()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var external = server.Client(_pki.Alice, x509: false).GetDatabase("$external");
        var unknown = await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" }, { "bogus", 1 } }));
        Assert.Equal("BSON field 'authenticate.bogus' is an unknown field.", unknown.ErrorMessage);
        var missing = await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(new BsonDocument("authenticate", 1)));
        Assert.Equal("BSON field 'authenticate.mechanism' is missing but a required field", missing.ErrorMessage);
    }

    [Fact]
    public async Task Speculative_authentication_failures_keep_the_hello_and_omit_the_key()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var admin = server.Client(_pki.Bob, x509: false).GetDatabase("admin");
        var hello = await admin.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "hello", 1 }, { "speculativeAuthenticate", new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" } } },
        });
        Assert.True(hello["isWritablePrimary"].AsBoolean);
        Assert.False(hello.Contains("speculativeAuthenticate"));

        var empty = await Assert.ThrowsAsync<MongoCommandException>(() => admin.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "hello", 1 }, { "speculativeAuthenticate", new BsonDocument() } }));
        Assert.Equal("hello.speculativeAuthenticate must be a non-empty Object", empty.ErrorMessage);
        var unknown = await Assert.ThrowsAsync<MongoCommandException>(() => admin.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "hello", 1 }, { "speculativeAuthenticate", new BsonDocument("frob", 1) } }));
        Assert.Equal(51769, unknown.Code);
    }

    [Fact]
    public async Task Speculative_authentication_succeeds_with_dbname_and_user()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var hello = await server.Client(_pki.Alice, x509: false).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "hello", 1 }, { "saslSupportedMechs", "$external." + TestPki.AliceName },
            { "speculativeAuthenticate", new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" } } },
        });
        Assert.Equal(new BsonDocument { { "dbname", "$external" }, { "user", TestPki.AliceName } }, hello["speculativeAuthenticate"]);
        Assert.Equal(new BsonArray { "MONGODB-X509" }, hello["saslSupportedMechs"]);
    }

    [Fact]
    public async Task Authenticating_again_as_the_same_user_is_allowed_with_a_warning()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var external = server.Client(_pki.Alice).GetDatabase("$external");
        var reply = await external.RunCommandAsync<BsonDocument>(new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" } });
        Assert.Equal(TestPki.AliceName, reply["user"].AsString);
        Assert.True(server.Logged(5626700));
    }

    [Fact]
    public async Task A_user_name_over_ten_thousand_bytes_cannot_use_sessions()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var longName = "CN=" + new string('x', 10_000);
        server.Users.TryCreate(new Users.UserRecord(longName, "$external", [new("read", "test")], Guid.NewGuid()));
        var connection = new Authentication.ConnectionState(1, "127.0.0.1:1", isLoopback: true, isTls: true, Authentication.PeerIdentity.None);
        connection.Login(new Authentication.AuthenticatedUser(longName, "$external", [new("read", "test")], longName, false));
        var reply = Commands.CommandDispatcher.Run(server.Context, connection,
            new BsonDocument { { "ping", 1 }, { "lsid", new BsonDocument("id", new BsonBinaryData(Guid.NewGuid(), GuidRepresentation.Standard)) }, { "$db", "admin" } });
        Assert.Equal("Username too long to use with logical sessions", reply["errmsg"].AsString);
        Assert.Equal(2, reply["code"].AsInt32);
    }

    [Fact]
    public async Task A_failed_login_answers_after_auth_failed_delay()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { AuthFailedDelay = TimeSpan.FromMilliseconds(600) });
        var external = server.Client(_pki.Bob, x509: false).GetDatabase("$external");
        await external.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(new BsonDocument { { "authenticate", 1 }, { "mechanism", "MONGODB-X509" } }));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Without_x509_in_authentication_mechanisms_only_members_log_in()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { X509AuthenticationEnabled = false });
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => server.Client(_pki.Alice).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1)));
        Assert.Equal(18, Assert.IsType<MongoCommandException>(error.InnerException).Code);
        var status = await server.Client(_pki.MemberLike).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        Assert.Equal("__system", status["authInfo"]["authenticatedUsers"][0]["user"].AsString);
    }

    [Theory]
    [InlineData(1_900)] // deeper than BSON may nest, inside the payload size limit
    [InlineData(3_000)] // over the payload size limit
    public async Task A_deeply_nested_sasl_payload_fails_the_login_and_nothing_else(int depth)
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var external = server.Client(_pki.Alice, x509: false).GetDatabase("$external");
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "saslStart", 1 }, { "mechanism", "MONGODB-X509" }, { "payload", new BsonBinaryData(Nested(depth)) } }));
        Assert.Equal(18, error.Code);
        Assert.True(server.Logged(5286307, e => ((string)e.Attributes["error"]!).StartsWith("BadValue:", StringComparison.Ordinal)), "a failed login, logged as one");
        var ping = await external.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
        Assert.Equal(1.0, ping["ok"].ToDouble());
    }

    // {a: {a: {... {} ...}}}, built from the inside out.
    private static byte[] Nested(int depth)
    {
        byte[] document = [5, 0, 0, 0, 0];
        for (var i = 0; i < depth; i++)
        {
            var length = 4 + 3 + document.Length + 1;
            document = [.. BitConverter.GetBytes(length), 0x03, (byte)'a', 0, .. document, 0];
        }

        return document;
    }
}
