namespace Tessera.Security.Membership;

/// <summary>The attribute types that make a certificate a cluster member by default: DC, O and OU.</summary>
public static class ClusterAttributes
{
    public const string DomainComponent = "0.9.2342.19200300.100.1.25";
    public const string Organization = "2.5.4.10";
    public const string OrganizationalUnit = "2.5.4.11";

    public static IReadOnlyCollection<string> Oids { get; } = [DomainComponent, Organization, OrganizationalUnit];
}
