using Tessera.Security.Names;

namespace Tessera.Security.Membership;

/// <summary>
/// Decides whether a peer certificate belongs to a cluster member, as mongod's
/// <c>SSLConfiguration::isClusterMember</c> does (server-behavior.md §3.1).
/// </summary>
public sealed class ClusterMembership
{
    private readonly X509Name _serverClusterAttributes;
    private readonly X509Name? _dnOverrideClusterAttributes;

    /// <param name="serverSubject">The subject of the server's own tlsCertificateKeyFile (not the cluster file).</param>
    /// <param name="criteria">clusterAuthX509.attributes or .extensionValue, if configured.</param>
    /// <param name="overrideCriteria">tlsClusterAuthX509Override, consulted when the primary rule fails.</param>
    /// <param name="dnOverride">tlsX509ClusterAuthDNOverride: another DN whose DC/O/OU also qualify.</param>
    public ClusterMembership(
        X509Name serverSubject,
        ClusterMembershipCriteria? criteria = null,
        ClusterMembershipCriteria? overrideCriteria = null,
        X509Name? dnOverride = null)
    {
        ArgumentNullException.ThrowIfNull(serverSubject);
        if (dnOverride is not null && (criteria is not null || overrideCriteria is not null))
        {
            throw new ArgumentException(
                "tlsX509ClusterAuthDNOverride cannot be set alongside tlsClusterAuthX509Attributes, "
                + "tlsClusterAuthX509OverrideAttributes, tlsClusterAuthX509ExtensionValue, or tlsClusterAuthX509OverrideExtensionValue");
        }

        Criteria = criteria;
        OverrideCriteria = overrideCriteria;
        _serverClusterAttributes = serverSubject.Normalize().Filter(ClusterAttributes.Oids);
        _dnOverrideClusterAttributes = dnOverride?.Normalize().Filter(ClusterAttributes.Oids);
    }

    public ClusterMembershipCriteria? Criteria { get; }

    public ClusterMembershipCriteria? OverrideCriteria { get; }

    /// <summary>True when membership is decided by the mongoClusterMembership extension.</summary>
    public bool UsesExtensionValue => Criteria?.ExtensionValue is not null;

    /// <summary>The DC/O/OU RDNs a member must carry by default (empty when the server's subject has none).</summary>
    public X509Name DefaultMemberAttributes => _serverClusterAttributes;

    public bool IsMember(X509Name subject, string? clusterExtensionValue = null)
    {
        X509Name normalized;
        try
        {
            normalized = subject.Normalize();
        }
        catch (NameNormalizationException)
        {
            return false; // mongod: warning 23220 "Unable to normalize client subject name", not a member
        }

        if (Criteria is not null)
        {
            if (Criteria.Matches(normalized, clusterExtensionValue))
            {
                return true;
            }
        }
        else if (!_serverClusterAttributes.IsEmpty && normalized.Contains(_serverClusterAttributes))
        {
            return true;
        }

        if (OverrideCriteria is not null)
        {
            return OverrideCriteria.Matches(normalized, clusterExtensionValue);
        }

        return _dnOverrideClusterAttributes is { IsEmpty: false } && normalized.Contains(_dnOverrideClusterAttributes);
    }

    /// <summary>The string overload: a DN that does not parse is not a member (mongod warning 23219).</summary>
    public bool IsMember(string subjectDn)
    {
        try
        {
            return IsMember(DistinguishedNameParser.Parse(subjectDn));
        }
        catch (DistinguishedNameException)
        {
            return false;
        }
        catch (NameNormalizationException)
        {
            return false;
        }
    }
}
