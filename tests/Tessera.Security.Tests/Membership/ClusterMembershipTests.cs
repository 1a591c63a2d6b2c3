using Tessera.Security.Membership;
using Tessera.Security.Names;

namespace Tessera.Security.Tests.Membership;

/// <summary>server-behavior.md §3.1–3.3 and §3.6: who is a cluster member.</summary>
public class ClusterMembershipTests
{
    private static X509Name Dn(string dn) => DistinguishedNameParser.Parse(dn);

    private static ClusterMembership ServerIs(string dn) => new(Dn(dn));

    [Theory]
    [InlineData("CN=member1,OU=Server,O=MongoDB", true)]
    [InlineData("CN=member1,OU=Extra,OU=Server,O=MongoDB", true)] // a superset is enough
    [InlineData("O=MongoDB,CN=x,OU=Server", true)] // RDN order does not matter
    [InlineData("CN=alice,OU=Clients,O=MongoDB", false)]
    [InlineData("CN=alice,O=MongoDB", false)] // every O/OU/DC RDN is needed
    [InlineData("CN=member1,OU=server,O=MongoDB", false)] // values compare case-sensitively
    [InlineData("CN=member1,OU=Server+O=MongoDB", false)] // as a whole RDN, not inside a multi-valued one
    public void Default_rule_is_the_servers_o_ou_dc(string client, bool member)
    {
        Assert.Equal(member, ServerIs("CN=localhost,OU=Server,O=MongoDB,L=NYC").IsMember(Dn(client)));
    }

    [Fact]
    public void Several_server_ous_and_dcs_must_all_be_present()
    {
        var membership = ServerIs("CN=s,OU=A,OU=B,DC=example,DC=com");
        Assert.True(membership.IsMember(Dn("CN=m,OU=A,OU=B,DC=example,DC=com")));
        Assert.False(membership.IsMember(Dn("CN=m,OU=A,DC=example,DC=com")));
        Assert.False(membership.IsMember(Dn("CN=m,OU=A,OU=B,DC=example")));
    }

    [Fact]
    public void A_multi_valued_server_rdn_requires_a_single_valued_client_rdn()
    {
        var membership = ServerIs("OU=x+CN=y,O=z");
        Assert.Equal("OU=x,O=z", membership.DefaultMemberAttributes.ToString());
        Assert.True(membership.IsMember(Dn("CN=m,OU=x,O=z")));
        Assert.False(membership.IsMember(Dn("OU=x+CN=y,O=z")));
    }

    [Fact]
    public void A_server_without_o_ou_dc_recognises_nobody_by_default()
    {
        var membership = ServerIs("CN=server,L=NYC");
        Assert.True(membership.DefaultMemberAttributes.IsEmpty);
        Assert.False(membership.IsMember(Dn("CN=server,L=NYC")));
    }

    [Fact]
    public void Values_are_compared_after_normalisation()
    {
        Assert.True(ServerIs("CN=s,O=ＡＢＣ").IsMember(Dn("CN=m,O=ABC")));
    }

    [Fact]
    public void Configured_attributes_replace_the_default_rule()
    {
        var membership = new ClusterMembership(
            Dn("CN=s,OU=Server,O=MongoDB"), ClusterMembershipCriteria.FromAttributes("O=MongoDB, title=foo"));
        Assert.True(membership.IsMember(Dn("CN=m,title=foo,O=MongoDB")));
        Assert.False(membership.IsMember(Dn("CN=m,OU=Server,O=MongoDB")));
    }

    [Fact]
    public void Extension_value_must_match_exactly()
    {
        var membership = new ClusterMembership(Dn("CN=s,O=MongoDB"), ClusterMembershipCriteria.FromExtensionValue("foo"));
        Assert.True(membership.UsesExtensionValue);
        Assert.True(membership.IsMember(Dn("CN=anything"), "foo"));
        Assert.False(membership.IsMember(Dn("CN=anything"), "Foo"));
        Assert.False(membership.IsMember(Dn("CN=anything"), null));
        Assert.False(membership.IsMember(Dn("CN=s,O=MongoDB"), "bar")); // the DN no longer counts
    }

    [Fact]
    public void The_override_is_consulted_when_the_primary_rule_fails()
    {
        var membership = new ClusterMembership(
            Dn("CN=s,O=MongoDB"),
            ClusterMembershipCriteria.FromExtensionValue("new"),
            ClusterMembershipCriteria.FromOverride(attributes: "O=MongoDB", extensionValue: null));
        Assert.True(membership.IsMember(Dn("CN=m,O=MongoDB"), null));
        Assert.True(membership.IsMember(Dn("CN=m,O=Other"), "new"));
        Assert.False(membership.IsMember(Dn("CN=m,O=Other"), null));
    }

    [Fact]
    public void The_override_takes_one_criterion()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusterMembershipCriteria.FromOverride("O=a", "b"));
        Assert.Equal("At most one of attributes or extensionValue can be specified for tlsClusterAuthX509Override", error.Message);
    }

    [Fact]
    public void The_dn_override_adds_a_second_set_of_member_attributes()
    {
        var membership = new ClusterMembership(Dn("CN=s,O=Old"), dnOverride: Dn("CN=x,OU=Rolled,O=New"));
        Assert.True(membership.IsMember(Dn("CN=m,O=Old")));
        Assert.True(membership.IsMember(Dn("CN=m,OU=Rolled,O=New")));
        Assert.False(membership.IsMember(Dn("CN=m,O=New")));
    }

    [Fact]
    public void The_dn_override_cannot_be_combined_with_criteria()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClusterMembership(
            Dn("CN=s,O=a"), ClusterMembershipCriteria.FromExtensionValue("v"), dnOverride: Dn("O=b")));
        Assert.StartsWith("tlsX509ClusterAuthDNOverride cannot be set alongside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dn_string_that_does_not_parse_is_not_a_member()
    {
        var membership = ServerIs("CN=s,O=MongoDB");
        Assert.True(membership.IsMember("CN=m, O=MongoDB"));
        Assert.False(membership.IsMember("CN=m;O=MongoDB"));
        Assert.False(membership.IsMember(string.Empty));
    }

    [Fact]
    public void User_cluster_separation_refuses_member_looking_external_users()
    {
        var membership = ServerIs("CN=localhost,OU=Server,O=MongoDB");
        Assert.True(UserClusterSeparation.WouldBeMember("CN=localhost,OU=Server,O=MongoDB", membership));
        Assert.True(UserClusterSeparation.WouldBeMember("CN=other,OU=Server,O=MongoDB", membership));
        Assert.False(UserClusterSeparation.WouldBeMember("CN=alice,OU=Clients,O=Acme", membership));
    }

    [Fact]
    public void User_cluster_separation_does_not_apply_with_extension_membership()
    {
        var membership = new ClusterMembership(Dn("CN=s,O=MongoDB"), ClusterMembershipCriteria.FromExtensionValue("v"));
        Assert.False(UserClusterSeparation.WouldBeMember("CN=s,O=MongoDB", membership));
    }
}
