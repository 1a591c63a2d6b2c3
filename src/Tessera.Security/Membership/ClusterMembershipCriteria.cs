using Tessera.Security.Names;

namespace Tessera.Security.Membership;

/// <summary>
/// A configured membership rule: <c>net.tls.clusterAuthX509.attributes</c> (a DN every member's subject
/// contains) or <c>.extensionValue</c> (the value of the mongoClusterMembership extension). Exactly one.
/// </summary>
public sealed class ClusterMembershipCriteria
{
    private ClusterMembershipCriteria(X509Name? attributes, string? extensionValue)
    {
        Attributes = attributes;
        ExtensionValue = extensionValue;
    }

    /// <summary>The normalised DN whose RDNs a member's subject must all contain, or null.</summary>
    public X509Name? Attributes { get; }

    /// <summary>The exact mongoClusterMembership value a member carries, or null.</summary>
    public string? ExtensionValue { get; }

    /// <summary>Parses the attributes DN string (mongod's parser, then normalisation).</summary>
    public static ClusterMembershipCriteria FromAttributes(string dn) => new(DistinguishedNameParser.ParseNormalized(dn), null);

    public static ClusterMembershipCriteria FromExtensionValue(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new(null, value);
    }

    /// <summary>
    /// The <c>tlsClusterAuthX509Override</c> parameter, <c>{attributes: "..."}</c> or <c>{extensionValue: "..."}</c>.
    /// </summary>
    public static ClusterMembershipCriteria FromOverride(string? attributes, string? extensionValue) =>
        (attributes, extensionValue) switch
        {
            (not null, not null) => throw new ArgumentException(
                "At most one of attributes or extensionValue can be specified for tlsClusterAuthX509Override"),
            (not null, null) => FromAttributes(attributes),
            (null, not null) => FromExtensionValue(extensionValue),
            _ => throw new ArgumentException("tlsClusterAuthX509Override needs attributes or extensionValue"),
        };

    public bool Matches(X509Name normalizedSubject, string? clusterExtensionValue) =>
        Attributes is not null
            ? normalizedSubject.Contains(Attributes)
            : clusterExtensionValue is not null && string.Equals(clusterExtensionValue, ExtensionValue, StringComparison.Ordinal);
}
