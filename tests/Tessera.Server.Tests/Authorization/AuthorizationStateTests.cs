using Tessera.Server.Authorization;
using static Tessera.Server.Authorization.ActionType;

namespace Tessera.Server.Tests.Authorization;

/// <summary>How a user's roles combine, and the checks the commands use.</summary>
public class AuthorizationStateTests
{
    [Fact]
    public void An_unauthenticated_client_may_do_nothing()
    {
        var state = AuthorizationState.Unauthenticated;

        Assert.False(state.IsAuthorizedForActionsOnNamespace("test", "c", Find));
        Assert.False(state.IsAuthorizedForActionsOnCluster(ListDatabases));
        Assert.False(state.IsAuthorizedForAnyActionOn("test"));
        Assert.Empty(state.Privileges);
        Assert.Empty(state.Roles);
    }

    [Fact]
    public void Actions_may_come_from_different_privileges()
    {
        // find comes from readAnyDatabase's any-normal-resource privilege, createIndex from dbAdmin@test.
        var state = AuthorizationState.ForRoles(new RoleName("readAnyDatabase", "admin"), new RoleName("dbAdmin", "test"));

        Assert.True(state.IsAuthorizedForActionsOnNamespace("test", "c", Find, CreateIndex));
        Assert.False(state.IsAuthorizedForActionsOnNamespace("other", "c", Find, CreateIndex));
    }

    [Fact]
    public void Every_asked_action_must_be_allowed()
    {
        var state = AuthorizationState.ForRoles(new RoleName("read", "test"));

        Assert.True(state.IsAuthorizedForActionsOnNamespace("test", "c", Find, ListIndexes));
        Assert.False(state.IsAuthorizedForActionsOnNamespace("test", "c", Find, Insert));
    }

    [Fact]
    public void Checks_a_commands_required_privileges()
    {
        var state = AuthorizationState.ForRoles(new RoleName("readWrite", "test"));
        var renameWithinTest = new[]
        {
            new Privilege(ResourcePattern.ForNamespace("test", "a"), RenameCollectionSameDB, DropCollection),
            new Privilege(ResourcePattern.ForNamespace("test", "b"), Insert, CreateIndex),
        };
        var copyToOther = new[] { new Privilege(ResourcePattern.ForNamespace("other", "b"), Insert) };

        Assert.True(state.IsAuthorizedForPrivileges(renameWithinTest));
        Assert.False(state.IsAuthorizedForPrivileges([.. renameWithinTest, .. copyToOther]));
    }

    [Fact]
    public void Keeps_unknown_roles_but_grants_nothing_for_them()
    {
        var state = AuthorizationState.ForRoles(new RoleName("read", "test"), new RoleName("role1", "testDB"), new RoleName("read", "test"));

        Assert.Equal([new RoleName("read", "test"), new RoleName("role1", "testDB")], state.Roles);
        Assert.Equal([new RoleName("role1", "testDB")], state.UnknownRoles);
        Assert.False(state.IsAuthorizedForAnyActionOn("testDB"));
        Assert.True(state.IsAuthorizedForActionsOnNamespace("test", "c", Find));
    }

    [Theory]
    [InlineData("read@test", "test", true)]
    [InlineData("read@test", "other", false)]
    [InlineData("dbAdmin@test", "test", true)]
    [InlineData("readWriteAnyDatabase@admin", "anything", true)] // any normal resource
    [InlineData("userAdminAnyDatabase@admin", "test", true)]
    [InlineData("userAdminAnyDatabase@admin", "local", false)] // any normal resource leaves local and config out
    [InlineData("userAdminAnyDatabase@admin", "config", false)]
    [InlineData("userAdminAnyDatabase@admin", "admin", true)]
    [InlineData("clusterManager@admin", "config", true)] // a database privilege on config
    [InlineData("readAnyDatabase@admin", "local", true)] // a collection-name privilege (system.js) reaches every database
    [InlineData("hostManager@admin", "local", false)]
    [InlineData("__system@admin", "local", true)]
    public void Tells_which_databases_a_user_may_see(string role, string database, bool visible)
    {
        var at = role.IndexOf('@', StringComparison.Ordinal);
        var state = AuthorizationState.ForRoles(new RoleName(role[..at], role[(at + 1)..]));

        Assert.Equal(visible, state.IsAuthorizedForAnyActionOn(database));
    }

    [Fact]
    public void The_internal_user_may_do_anything()
    {
        var state = AuthorizationState.ForInternalSystemUser();

        Assert.True(state.IsAuthorizedForActionsOnCluster(Shutdown, Internal));
        Assert.True(state.IsAuthorizedForActionsOnNamespace("local", "system.replset", Insert));
        Assert.True(state.IsAuthorizedForAnyActionOn("config"));
    }

    [Fact]
    public void The_database_convenience_checks_the_database_resource()
    {
        var state = AuthorizationState.ForRoles(new RoleName("userAdmin", "test"));

        Assert.True(state.IsAuthorizedForActionsOnDatabase("test", CreateUser, ViewUser));
        Assert.False(state.IsAuthorizedForActionsOnDatabase("other", ViewUser));
    }
}
