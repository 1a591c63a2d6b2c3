namespace Tessera.Server.Authorization;

/// <summary>
/// Privileges merged by resource: adding actions on a resource already present widens that privilege,
/// as mongod's <c>Privilege::addPrivilegeToPrivilegeVector</c> does, so each resource appears once.
/// </summary>
public sealed class PrivilegeSet
{
    private readonly Dictionary<ResourcePattern, HashSet<ActionType>> _actionsByResource = [];

    public PrivilegeSet Add(ResourcePattern resource, IEnumerable<ActionType> actions)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(actions);
        if (!_actionsByResource.TryGetValue(resource, out var existing))
        {
            existing = [];
            _actionsByResource.Add(resource, existing);
        }

        existing.UnionWith(actions);
        return this;
    }

    public PrivilegeSet Add(ResourcePattern resource, params ActionType[] actions) =>
        Add(resource, (IEnumerable<ActionType>)actions);

    public PrivilegeSet Add(IEnumerable<Privilege> privileges)
    {
        ArgumentNullException.ThrowIfNull(privileges);
        foreach (var privilege in privileges)
            Add(privilege.Resource, privilege.Actions);
        return this;
    }

    /// <summary>
    /// The merged privileges in a stable order: anyResource, cluster, any normal resource, databases,
    /// collection names, namespaces. mongod keeps them in a hash map, so its order is unspecified;
    /// a fixed order keeps replies and tests reproducible.
    /// </summary>
    public IReadOnlyList<Privilege> ToList() =>
    [
        .. _actionsByResource
            .Where(pair => pair.Value.Count > 0)
            .OrderBy(pair => pair.Key.Kind)
            .ThenBy(pair => pair.Key.Database, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Collection, StringComparer.Ordinal)
            .Select(pair => new Privilege(pair.Key, pair.Value)),
    ];
}
