using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Security.Membership;
using Tessera.Security.Names;
using Tessera.Server.Tests.Support;
using Tessera.Server.Users;

namespace Tessera.Server.Tests.Integration;

/// <summary>Membership by extension value, the user-or-member clash, and the expiry warning at connect.</summary>
public sealed class ClusterMemberTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public ClusterMemberTests(TestPki pki) => _pki = pki;

    private ClusterMembership ByExtension(string value) =>
        new(DistinguishedNameParser.Parse("CN=localhost,OU=Cluster,O=Acme"), ClusterMembershipCriteria.FromExtensionValue(value));

    [Fact]
    public async Task A_certificate_with_the_configured_extension_value_is_a_member()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { Membership = ByExtension("foo") });
        var status = await Status(server.Client(_pki.ExtensionMember));
        Assert.Equal("__system", status["authenticatedUsers"][0]["user"].AsString);
    }

    [Fact]
    public async Task Another_extension_value_makes_no_member()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { Membership = ByExtension("bar") });
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => Status(server.Client(_pki.ExtensionMember)));
        Assert.Equal(11, Assert.IsType<MongoCommandException>(error.InnerException).Code);
    }

    [Fact]
    public async Task A_member_that_is_also_an_explicit_user_is_refused()
    {
        await using var server = await RunningServer.StartAsync(_pki, s => s with { Membership = ByExtension("foo") });
        server.Users.TryCreate(new UserRecord("CN=doer,OU=Business,O=Company", "$external", [new("read", "test")], Guid.NewGuid()));
        var error = await Assert.ThrowsAsync<MongoAuthenticationException>(() => Status(server.Client(_pki.ExtensionMember)));
        Assert.Equal(18, Assert.IsType<MongoCommandException>(error.InnerException).Code);
        Assert.True(server.Logged(5286307, e => ((string)e.Attributes["error"]!).Contains("both a cluster member and an explicit user", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_client_certificate_expiring_soon_is_logged_at_connect()
    {
        await using var server = await RunningServer.StartAsync(_pki);
        await Status(server.Client(_pki.ExpiringSoon));
        Assert.True(server.Logged(23222, e => (string)e.Attributes["peerSubjectName"]! == TestPki.AliceName && (int)e.Attributes["days"]! == 9));
        Assert.False(server.Logged(23222, e => (string)e.Attributes["peerSubjectName"]! != TestPki.AliceName));
    }

    private static async Task<BsonDocument> Status(MongoClient client) =>
        (await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1)))["authInfo"].AsBsonDocument;
}
