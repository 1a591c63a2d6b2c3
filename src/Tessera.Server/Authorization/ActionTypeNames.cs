using System.Collections.Frozen;

namespace Tessera.Server.Authorization;

/// <summary>The names MongoDB gives the actions, for <c>showPrivileges</c> and for reading privileges back.</summary>
public static class ActionTypeNames
{
    private static readonly FrozenDictionary<ActionType, string> NamesByAction =
        Enum.GetValues<ActionType>().ToFrozenDictionary(action => action, LowerFirstLetter);

    private static readonly FrozenDictionary<string, ActionType> ActionsByName =
        NamesByAction.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The action's MongoDB name, e.g. <c>renameCollectionSameDB</c>.</summary>
    public static string ToMongoName(this ActionType action) =>
        NamesByAction.TryGetValue(action, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(action), action, "not a MongoDB privilege action");

    /// <summary>Finds an action by its MongoDB name; names are case-sensitive, as in mongod.</summary>
    public static bool TryParse(string name, out ActionType action) => ActionsByName.TryGetValue(name, out action);

    // Every MongoDB action name is the enum member with its first letter lowered (useUUID, dbHash,
    // getDefaultRWConcern); keeping that rule avoids a second list that could drift from the enum.
    private static string LowerFirstLetter(ActionType action)
    {
        var name = action.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }
}
