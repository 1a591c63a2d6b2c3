using MongoDB.Bson;
using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>Privileges as connectionStatus shows them with showPrivileges: true.</summary>
public class PrivilegeSerializationTests
{
    private const string ReadActions =
        "[\"changeStream\", \"collStats\", \"dbHash\", \"dbStats\", \"find\", \"killCursors\", \"listCollections\", \"listIndexes\", \"listSearchIndexes\", \"planCacheRead\"]";

    [Fact]
    public void Shows_read_on_a_database_and_its_system_js()
    {
        var state = AuthorizationState.ForRoles(new RoleName("read", "test"));

        var expected = BsonSerializer(
            "[{ resource: { db: 'test', collection: '' }, actions: " + ReadActions + " }," +
            " { resource: { db: 'test', collection: 'system.js' }, actions: " + ReadActions + " }]");
        Assert.Equal(expected, state.PrivilegesToBson());
    }

    [Fact]
    public void Shows_the_internal_user_as_any_action_on_any_resource()
    {
        var state = AuthorizationState.ForInternalSystemUser();

        Assert.Equal(BsonSerializer("[{ resource: { anyResource: true }, actions: ['anyAction'] }]"), state.PrivilegesToBson());
        Assert.Empty(state.Roles);
    }

    [Fact]
    public void Shows_any_database_and_cluster_resources_in_their_own_shapes()
    {
        var privileges = AuthorizationState.ForRoles(new RoleName("readAnyDatabase", "admin")).PrivilegesToBson();

        Assert.Equal(
            BsonSerializer(
                "[{ resource: { cluster: true }, actions: ['listDatabases'] }," +
                " { resource: { db: '', collection: '' }, actions: " + ReadActions + " }," +
                " { resource: { db: '', collection: 'system.js' }, actions: " + ReadActions + " }]"),
            privileges);
    }

    [Fact]
    public void Merges_privileges_of_several_roles_by_resource()
    {
        var state = AuthorizationState.ForRoles(new RoleName("read", "test"), new RoleName("readWrite", "test"), new RoleName("read", "other"));

        var resources = state.Privileges.Select(privilege => privilege.Resource.ToString()).ToList();
        Assert.Equal(["<database other>", "<database test>", "other.system.js", "test.system.js"], resources);
        Assert.Contains("insert", state.Privileges[1].ActionNames);
        Assert.DoesNotContain("insert", state.Privileges[0].ActionNames);
    }

    [Fact]
    public void Sorts_the_actions_of_every_privilege()
    {
        foreach (var privilege in AuthorizationState.ForRoles(new RoleName("root", "admin")).Privileges)
        {
            Assert.Equal(privilege.ActionNames.Order(StringComparer.Ordinal), privilege.ActionNames);
            Assert.Equal(privilege.ActionNames.Distinct(), privilege.ActionNames);
        }
    }

    [Fact]
    public void Shows_cluster_monitor_statistics_on_the_cluster_resource()
    {
        var cluster = AuthorizationState.ForRoles(new RoleName("clusterMonitor", "admin")).Privileges
            .Single(privilege => privilege.Resource == ResourcePattern.Cluster);

        Assert.Equal(new BsonDocument("cluster", true), cluster.ToBsonDocument()["resource"]);
        Assert.Contains("serverStatus", cluster.ActionNames);
        Assert.Contains("getLog", cluster.ActionNames);
        Assert.DoesNotContain("shutdown", cluster.ActionNames);
    }

    [Fact]
    public void Lists_roles_as_role_and_db()
    {
        var state = AuthorizationState.ForRoles(new RoleName("backup", "admin"), new RoleName("readAnyDatabase", "admin"));

        Assert.Equal(
            BsonSerializer("[{ role: 'backup', db: 'admin' }, { role: 'readAnyDatabase', db: 'admin' }]"),
            state.RolesToBson());
    }

    private static BsonArray BsonSerializer(string json) =>
        MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonArray>(json);
}
