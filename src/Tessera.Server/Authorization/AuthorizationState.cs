using MongoDB.Bson;

namespace Tessera.Server.Authorization;

/// <summary>
/// What one connection's user may do: the union of its roles' privileges, checked the way mongod's
/// <c>AuthorizationSession</c> checks them. Immutable; a connection swaps it when it authenticates.
/// </summary>
public sealed class AuthorizationState
{
    private readonly Dictionary<ResourcePattern, Privilege> _privilegesByResource;

    private AuthorizationState(IReadOnlyList<RoleName> roles, IReadOnlyList<RoleName> unknownRoles, IReadOnlyList<Privilege> privileges)
    {
        Roles = roles;
        UnknownRoles = unknownRoles;
        Privileges = privileges;
        _privilegesByResource = privileges.ToDictionary(privilege => privilege.Resource);
    }

    /// <summary>No user: nothing is authorized. Commands allowed before authentication are the command table's business.</summary>
    public static AuthorizationState Unauthenticated { get; } = new([], [], []);

    /// <summary>
    /// The user's roles as given (duplicates removed), for <c>connectionStatus</c>'s
    /// <c>authenticatedUserRoles</c>.
    /// </summary>
    public IReadOnlyList<RoleName> Roles { get; }

    /// <summary>
    /// Roles that are not built-in roles. They stay in <see cref="Roles"/> but grant nothing: a
    /// certificate's mongoRoles extension may name a role this server does not define.
    /// </summary>
    public IReadOnlyList<RoleName> UnknownRoles { get; }

    /// <summary>The merged privileges, one per resource, for <c>showPrivileges</c>.</summary>
    public IReadOnlyList<Privilege> Privileges { get; }

    public static AuthorizationState ForRoles(IEnumerable<RoleName> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var distinctRoles = roles.Distinct().ToList();
        var privileges = new PrivilegeSet();
        var unknownRoles = new List<RoleName>();
        foreach (var role in distinctRoles)
        {
            var granted = BuiltinRoles.PrivilegesFor(role);
            if (granted is null)
                unknownRoles.Add(role);
            else
                privileges.Add(granted);
        }

        return new(distinctRoles, unknownRoles, privileges.ToList());
    }

    public static AuthorizationState ForRoles(params RoleName[] roles) => ForRoles((IEnumerable<RoleName>)roles);

    /// <summary>
    /// The internal user <c>__system@local</c> that cluster members become: universal privileges and no
    /// roles, as mongod's <c>SetupInternalSecurityUser</c> builds it (server-behavior.md §3.7; whether
    /// <c>authenticatedUserRoles</c> is really empty is an open question there).
    /// </summary>
    public static AuthorizationState ForInternalSystemUser() =>
        new([], [], BuiltinRoles.PrivilegesFor(new RoleName(BuiltinRoles.InternalSystem, BuiltinRoles.AdminDatabase))!);

    /// <summary>
    /// Whether every action is allowed on the resource by some privilege whose pattern covers it
    /// (<see cref="ResourceSearchList"/>). The actions may come from different privileges, as in mongod.
    /// No actions asked is trivially authorized.
    /// </summary>
    public bool IsAuthorizedForActions(ResourcePattern resource, params ActionType[] actions)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(actions);
        var applicable = ResourceSearchList.For(resource)
            .Select(pattern => _privilegesByResource.GetValueOrDefault(pattern))
            .OfType<Privilege>()
            .ToList();
        return actions.All(action => applicable.Exists(privilege => privilege.Allows(action)));
    }

    /// <summary>Whether each privilege's actions are all allowed on its resource (a command's requirements).</summary>
    public bool IsAuthorizedForPrivileges(IEnumerable<Privilege> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return required.All(privilege => IsAuthorizedForActions(privilege.Resource, [.. privilege.Actions]));
    }

    public bool IsAuthorizedForActionsOnDatabase(string database, params ActionType[] actions) =>
        IsAuthorizedForActions(ResourcePattern.ForDatabase(database), actions);

    public bool IsAuthorizedForActionsOnNamespace(string database, string collection, params ActionType[] actions) =>
        IsAuthorizedForActions(ResourcePattern.ForNamespace(database, collection), actions);

    public bool IsAuthorizedForActionsOnCluster(params ActionType[] actions) =>
        IsAuthorizedForActions(ResourcePattern.Cluster, actions);

    /// <summary>
    /// Whether the user may do anything at all in the database: what <c>listDatabases</c> with
    /// <c>authorizedDatabases</c> filters by. mongod's <c>isAuthorizedForAnyActionOnAnyResourceInDB</c>:
    /// a privilege on the database, on anyResource, on anyNormalResource (not for <c>local</c> or
    /// <c>config</c>), on any collection name (those reach every database), or on a namespace in it.
    /// </summary>
    public bool IsAuthorizedForAnyActionOn(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return Privileges.Any(privilege => privilege.Resource.Kind switch
        {
            ResourcePatternKind.AnyResource or ResourcePatternKind.CollectionName => true,
            ResourcePatternKind.AnyNormalResource => database is not ("local" or "config"),
            ResourcePatternKind.Database or ResourcePatternKind.ExactNamespace => privilege.Resource.Database == database,
            _ => false,
        });
    }

    /// <summary>
    /// Whether any privilege covers the collection (what <c>listCollections</c> with
    /// <c>authorizedCollections</c> filters by).
    /// </summary>
    public bool IsAuthorizedForAnyActionOnNamespace(string database, string collection) =>
        ResourceSearchList.For(ResourcePattern.ForNamespace(database, collection)).Any(_privilegesByResource.ContainsKey);

    /// <summary><c>authenticatedUserRoles</c>: <c>[{role, db}, …]</c>.</summary>
    public BsonArray RolesToBson() => new(Roles.Select(role => role.ToBsonDocument()));

    /// <summary><c>authenticatedUserPrivileges</c>: <c>[{resource, actions}, …]</c>.</summary>
    public BsonArray PrivilegesToBson() => new(Privileges.Select(privilege => privilege.ToBsonDocument()));
}
