using System.Collections.Frozen;
using MongoDB.Bson;

namespace Tessera.Server.Authorization;

/// <summary>A set of actions allowed on one resource pattern, as MongoDB's <c>Privilege</c>.</summary>
public sealed class Privilege
{
    public Privilege(ResourcePattern resource, IEnumerable<ActionType> actions)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(actions);
        Resource = resource;
        Actions = actions.ToFrozenSet();
    }

    public Privilege(ResourcePattern resource, params ActionType[] actions)
        : this(resource, (IEnumerable<ActionType>)actions)
    {
    }

    public ResourcePattern Resource { get; }

    public IReadOnlySet<ActionType> Actions { get; }

    /// <summary>Whether the privilege allows the action; <see cref="ActionType.AnyAction"/> allows all.</summary>
    public bool Allows(ActionType action) => Actions.Contains(ActionType.AnyAction) || Actions.Contains(action);

    /// <summary>
    /// The MongoDB names of the actions, sorted. A privilege holding <c>anyAction</c> shows only that
    /// name, as mongod's <c>ActionSet::getActionsAsStrings</c> does for a full set.
    /// </summary>
    public IReadOnlyList<string> ActionNames =>
        Actions.Contains(ActionType.AnyAction)
            ? [ActionType.AnyAction.ToMongoName()]
            : [.. Actions.Select(action => action.ToMongoName()).Order(StringComparer.Ordinal)];

    /// <summary><c>{resource: {...}, actions: [...]}</c>, as <c>connectionStatus</c> with <c>showPrivileges</c> shows it.</summary>
    public BsonDocument ToBsonDocument() => new()
    {
        { "resource", Resource.ToBsonDocument() },
        { "actions", new BsonArray(ActionNames) },
    };

    public override string ToString() => $"{Resource}: {string.Join(", ", ActionNames)}";
}
