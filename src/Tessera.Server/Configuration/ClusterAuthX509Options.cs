using Tessera.Security.Membership;

namespace Tessera.Server.Configuration;

/// <summary>
/// A membership rule other than the default DC/O/OU one: <c>net.tls.clusterAuthX509.{attributes,extensionValue}</c>,
/// and the same shape in the <c>tlsClusterAuthX509Override</c> parameter. At most one of the two is set.
/// </summary>
public sealed record ClusterAuthX509Options
{
    /// <summary>A DN string every member's subject must contain, e.g. <c>O=MongoDB, OU=MongoDB Server</c>.</summary>
    public string? Attributes { get; init; }

    /// <summary>The value members carry in the mongoClusterMembership extension (1.3.6.1.4.1.34601.2.1.2).</summary>
    public string? ExtensionValue { get; init; }

    public bool IsSet => Attributes is not null || ExtensionValue is not null;

    /// <summary>The rule for <see cref="ClusterMembership"/>, or null when none is configured. Validate first.</summary>
    public ClusterMembershipCriteria? ToCriteria() =>
        Attributes is not null ? ClusterMembershipCriteria.FromAttributes(Attributes)
        : ExtensionValue is not null ? ClusterMembershipCriteria.FromExtensionValue(ExtensionValue)
        : null;
}
