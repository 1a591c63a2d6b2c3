using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>Which privilege patterns reach a resource (mongod's buildResourceSearchList).</summary>
public class ResourceSearchListTests
{
    [Theory]
    [InlineData("ns:test.c", "<all resources> | <all normal resources> | <database test> | <collection c in any database> | test.c")]
    [InlineData("ns:admin.c", "<all resources> | <all normal resources> | <database admin> | <collection c in any database> | admin.c")]
    [InlineData("ns:test.system.users", "<all resources> | <collection system.users in any database> | test.system.users")]
    [InlineData("ns:local.oplog.rs", "<all resources> | <database local> | <collection oplog.rs in any database> | local.oplog.rs")]
    [InlineData("ns:config.chunks", "<all resources> | <database config> | <collection chunks in any database> | config.chunks")]
    [InlineData("ns:local.replset.minvalid", "<all resources> | <collection replset.minvalid in any database> | local.replset.minvalid")]
    [InlineData("ns:test.replset.x", "<all resources> | <all normal resources> | <database test> | <collection replset.x in any database> | test.replset.x")]
    [InlineData("db:test", "<all resources> | <all normal resources> | <database test>")]
    [InlineData("db:config", "<all resources> | <database config>")]
    [InlineData("db:local", "<all resources> | <database local>")]
    [InlineData("cluster", "<all resources> | <system resource>")]
    [InlineData("any", "<all resources>")]
    public void Lists_the_patterns_that_reach_a_resource(string resource, string expected)
    {
        var patterns = ResourceSearchList.For(TestResources.Parse(resource));

        Assert.Equal(expected, string.Join(" | ", patterns));
    }

    [Fact]
    public void A_namespace_splits_at_the_first_dot()
    {
        var resource = ResourcePattern.ForNamespace("test.a.b");

        Assert.Equal("test", resource.Database);
        Assert.Equal("a.b", resource.Collection);
        Assert.Equal(ResourcePattern.ForNamespace("test", "a.b"), resource);
    }

    [Theory]
    [InlineData("test")]
    [InlineData(".c")]
    [InlineData("test.")]
    public void Refuses_a_namespace_without_both_parts(string fullName)
    {
        Assert.Throws<ArgumentException>(() => ResourcePattern.ForNamespace(fullName));
    }

    [Fact]
    public void An_empty_database_name_is_not_any_database()
    {
        Assert.Throws<ArgumentException>(() => ResourcePattern.ForDatabase(""));
    }
}
