using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Server.Configuration;
using Tessera.Server.Tests.Support;
using Tessera.Server.Users;
using Tessera.Storage.Sqlite;

namespace Tessera.Server.Tests.Integration;

/// <summary>$external users: the localhost exception, the cluster-separation guard, roles, authorization and durability.</summary>
public sealed class UserManagementTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public UserManagementTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task The_first_user_is_created_through_the_localhost_exception_and_then_it_closes()
    {
        await using var server = await RunningServer.StartAsync(_pki, users: new InMemoryUserStore());
        var anonymous = server.Client(_pki.Alice, x509: false).GetDatabase("$external");
        await anonymous.RunCommandAsync<BsonDocument>(new BsonDocument { { "createUser", TestPki.AliceName }, { "roles", new BsonArray { new BsonDocument { { "role", "userAdminAnyDatabase" }, { "db", "admin" } } } } });
        var again = await Assert.ThrowsAsync<MongoCommandException>(() => anonymous.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "createUser", "CN=bob,OU=Clients,O=Acme" }, { "roles", new BsonArray() } }));
        Assert.Equal(13, again.Code);

        var alice = server.Client(_pki.Alice).GetDatabase("$external");
        await alice.RunCommandAsync<BsonDocument>(new BsonDocument { { "createUser", "CN=bob,OU=Clients,O=Acme" }, { "roles", new BsonArray { new BsonDocument { { "role", "read" }, { "db", "test" } } } } });
        var info = await alice.RunCommandAsync<BsonDocument>(new BsonDocument("usersInfo", "CN=bob,OU=Clients,O=Acme"));
        var bob = info["users"][0].AsBsonDocument;
        Assert.Equal("$external.CN=bob,OU=Clients,O=Acme", bob["_id"].AsString);
        Assert.Equal(new BsonArray { new BsonDocument { { "role", "read" }, { "db", "test" } } }, bob["roles"]);
        Assert.Equal(new BsonArray { "external" }, bob["mechanisms"]);
    }

    [Fact]
    public async Task A_user_named_like_a_member_is_refused()
    {
        await using var server = await RunningServer.StartAsync(_pki, users: new InMemoryUserStore());
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice, x509: false).GetDatabase("$external")
            .RunCommandAsync<BsonDocument>(new BsonDocument { { "createUser", "CN=member9,OU=Cluster,O=Acme" }, { "roles", new BsonArray() } }));
        Assert.Equal(2, error.Code);
        Assert.Equal("Cannot create an x.509 user with a subjectname that would be recognized as an internal cluster member", error.ErrorMessage);
    }

    [Fact]
    public async Task Passwords_and_unknown_roles_are_refused_with_mongods_messages()
    {
        await using var server = await RunningServer.StartAsync(_pki, users: new InMemoryUserStore());
        var external = server.Client(_pki.Alice, x509: false).GetDatabase("$external");
        var password = await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "createUser", "CN=x" }, { "pwd", "secret" }, { "roles", new BsonArray() } }));
        Assert.Equal("Cannot set the password for users defined on the '$external' database", password.ErrorMessage);
        var role = await Assert.ThrowsAsync<MongoCommandException>(() => external.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "createUser", "CN=x" }, { "roles", new BsonArray { new BsonDocument { { "role", "readAnyDatabase" }, { "db", "test" } } } } }));
        Assert.Equal(31, role.Code);
        Assert.Equal("Could not find role: readAnyDatabase@test", role.ErrorMessage);
    }

    [Fact]
    public async Task A_user_without_user_admin_rights_gets_mongods_unauthorized_message()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice).GetDatabase("$external")
            .RunCommandAsync<BsonDocument>(new BsonDocument { { "createUser", "CN=x" }, { "roles", new BsonArray() } }));
        Assert.Equal(13, error.Code);
        Assert.StartsWith("not authorized on $external to execute command { createUser: \"CN=x\", roles: [], $db: \"$external\"", error.ErrorMessage, StringComparison.Ordinal);
        var getLog = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice).GetDatabase("admin")
            .RunCommandAsync<BsonDocument>(new BsonDocument("getLog", "global")));
        Assert.Equal(13, getLog.Code);
    }

    [Fact]
    public async Task Roles_granted_and_revoked_change_what_connection_status_shows()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        server.Users.TryCreate(new UserRecord("CN=bob,OU=Clients,O=Acme", "$external", [new("userAdminAnyDatabase", "admin")], Guid.NewGuid()));
        var bob = server.Client(_pki.Bob).GetDatabase("$external");
        await bob.RunCommandAsync<BsonDocument>(new BsonDocument { { "grantRolesToUser", TestPki.AliceName }, { "roles", new BsonArray { new BsonDocument { { "role", "clusterMonitor" }, { "db", "admin" } } } } });
        var status = await server.Client(_pki.Alice).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument { { "connectionStatus", 1 }, { "showPrivileges", true } });
        Assert.Contains(new BsonDocument { { "role", "clusterMonitor" }, { "db", "admin" } }, status["authInfo"]["authenticatedUserRoles"].AsBsonArray);
        Assert.Contains(status["authInfo"]["authenticatedUserPrivileges"].AsBsonArray, p => p["resource"].AsBsonDocument.Contains("cluster"));
        var log = await server.Client(_pki.Alice).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("getLog", "global"));
        Assert.True(log["log"].AsBsonArray.Count > 0);

        await bob.RunCommandAsync<BsonDocument>(new BsonDocument { { "revokeRolesFromUser", TestPki.AliceName }, { "roles", new BsonArray { new BsonDocument { { "role", "clusterMonitor" }, { "db", "admin" } } } } });
        var after = await server.Client(_pki.Alice).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        Assert.Equal(new BsonArray { new BsonDocument { { "role", "readWrite" }, { "db", "test" } } }, after["authInfo"]["authenticatedUserRoles"]);
        var dropped = await bob.RunCommandAsync<BsonDocument>(new BsonDocument("dropAllUsersFromDatabase", 1));
        Assert.Equal(2, dropped["n"].ToInt32());
    }

    [Fact]
    public async Task Users_survive_a_restart_in_sqlite()
    {
        var path = Directory.CreateTempSubdirectory("tessera-users-").FullName;
        try
        {
            using (var storage = SqliteStorageEngine.Open(path))
            {
                await using var server = await RunningServer.StartAsync(_pki, users: new StoredUserStore(storage));
                await server.Client(_pki.Alice, x509: false).GetDatabase("$external").RunCommandAsync<BsonDocument>(
                    new BsonDocument { { "createUser", TestPki.AliceName }, { "roles", new BsonArray { new BsonDocument { { "role", "read" }, { "db", "test" } } } } });
            }

            using (var reopened = SqliteStorageEngine.Open(path))
            {
                await using var server = await RunningServer.StartAsync(_pki, users: new StoredUserStore(reopened));
                var status = await server.Client(_pki.Alice).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
                Assert.Equal(new BsonArray { new BsonDocument { { "role", "read" }, { "db", "test" } } }, status["authInfo"]["authenticatedUserRoles"]);
            }
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Fact]
    public async Task Roles_in_the_certificate_need_no_user_document()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { ClusterAuthMode = ClusterAuthMode.X509 });
        var status = await server.Client(_pki.WithRoles).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        Assert.Equal("CN=reporter,OU=Clients,O=Acme", status["authInfo"]["authenticatedUsers"][0]["user"].AsString);
        Assert.Equal(new BsonArray { new BsonDocument { { "role", "read" }, { "db", "reporting" } } }, status["authInfo"]["authenticatedUserRoles"]);
    }

    [Fact]
    public async Task Revoking_roles_and_dropping_a_user_take_effect_on_open_connections()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        server.Users.TryCreate(new UserRecord("CN=bob,OU=Clients,O=Acme", "$external", [new("root", "admin")], Guid.NewGuid()));
        var bob = server.Client(_pki.Bob).GetDatabase("admin");
        await bob.RunCommandAsync<BsonDocument>(new BsonDocument("getLog", "global")); // bob's pooled connection is logged in as root

        server.Users.TryUpdateRoles("CN=bob,OU=Clients,O=Acme", "$external", _ => [new("read", "test")]);
        var revoked = await Assert.ThrowsAsync<MongoCommandException>(() => bob.RunCommandAsync<BsonDocument>(new BsonDocument("getLog", "global")));
        Assert.Equal(13, revoked.Code);

        server.Users.Drop("CN=bob,OU=Clients,O=Acme", "$external");
        var status = await bob.RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        Assert.Empty(status["authInfo"]["authenticatedUsers"].AsBsonArray);
    }

    [Fact]
    public async Task Users_info_checks_the_database_of_each_user_asked_for()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        server.Users.TryCreate(new UserRecord("CN=bob,OU=Clients,O=Acme", "$external", [new("userAdmin", "test")], Guid.NewGuid()));
        var test = server.Client(_pki.Bob).GetDatabase("test");
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => test.RunCommandAsync<BsonDocument>(
            new BsonDocument("usersInfo", new BsonDocument { { "user", TestPki.AliceName }, { "db", "$external" } })));
        Assert.Equal(13, error.Code);
        var self = await server.Client(_pki.Alice).GetDatabase("$external").RunCommandAsync<BsonDocument>(new BsonDocument("usersInfo", TestPki.AliceName));
        Assert.Equal(TestPki.AliceName, self["users"][0]["user"].AsString);
    }

    [Fact]
    public async Task The_localhost_exception_can_be_switched_off()
    {
        var options = ServerOptionsParser.Parse(["--setParameter", "enableLocalhostAuthBypass=false"]);
        Assert.False(options.Parameters.EnableLocalhostAuthBypass);
        await using var server = await RunningServer.StartAsync(_pki, s => s with { LocalhostAuthBypass = false }, users: new InMemoryUserStore());
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Alice, x509: false).GetDatabase("$external")
            .RunCommandAsync<BsonDocument>(new BsonDocument { { "createUser", TestPki.AliceName }, { "roles", new BsonArray() } }));
        Assert.Equal(13, error.Code);
    }
}
