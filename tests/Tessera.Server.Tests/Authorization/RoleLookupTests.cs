using MongoDB.Bson;
using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>Which built-in roles exist where, and the RoleNotFound error for the rest.</summary>
public class RoleLookupTests
{
    [Theory]
    [InlineData("read", "test")]
    [InlineData("read", "admin")]
    [InlineData("read", "local")]
    [InlineData("dbOwner", "config")]
    [InlineData("readAnyDatabase", "admin")]
    [InlineData("root", "admin")]
    [InlineData("__system", "admin")]
    public void Finds_a_builtin_role(string role, string db)
    {
        var privileges = BuiltinRoles.PrivilegesFor(new RoleName(role, db));

        Assert.NotNull(privileges);
        Assert.NotEmpty(privileges);
    }

    [Theory]
    [InlineData("readAnyDatabase", "test")] // "AnyDatabase" and cluster roles exist only on admin
    [InlineData("root", "test")]
    [InlineData("clusterMonitor", "local")]
    [InlineData("__system", "local")]
    [InlineData("read", "$external")] // users live in $external, roles do not
    [InlineData("read", "")]
    [InlineData("read", "a.b")]
    [InlineData("Read", "test")] // role names are case-sensitive
    [InlineData("readwrite", "test")]
    [InlineData("noSuchRole", "admin")]
    [InlineData("enableSharding", "admin")] // a real role Tessera leaves out
    public void Returns_null_for_a_role_that_does_not_exist(string role, string db)
    {
        Assert.Null(BuiltinRoles.PrivilegesFor(new RoleName(role, db)));
        Assert.False(BuiltinRoles.Exists(new RoleName(role, db)));
    }

    [Fact]
    public void Names_the_missing_role_as_mongod_does()
    {
        Assert.Equal("Could not find role: readAnyDatabase@test", RoleNotFound.Message(new RoleName("readAnyDatabase", "test")));
        Assert.Equal(31, RoleNotFound.Code);
        Assert.Equal("RoleNotFound", RoleNotFound.CodeName);
    }

    [Fact]
    public void Database_roles_exist_everywhere_and_admin_roles_only_on_admin()
    {
        foreach (var role in BuiltinRoles.DatabaseRoleNames)
        {
            Assert.True(BuiltinRoles.Exists(new RoleName(role, "test")), role);
            Assert.True(BuiltinRoles.Exists(new RoleName(role, "admin")), role);
        }

        foreach (var role in BuiltinRoles.AdminOnlyRoleNames)
        {
            Assert.True(BuiltinRoles.Exists(new RoleName(role, "admin")), role);
            Assert.False(BuiltinRoles.Exists(new RoleName(role, "test")), role);
        }
    }

    [Fact]
    public void Renders_a_role_as_role_at_db()
    {
        var role = RoleName.FromCertificate(new Tessera.Security.Certificates.MongoRole("backup", "admin"));

        Assert.Equal("backup@admin", role.ToString());
        Assert.Equal("{ \"role\" : \"backup\", \"db\" : \"admin\" }", role.ToBsonDocument().ToJson());
    }
}
