using MongoDB.Bson;

namespace Tessera.Server.Commands;

/// <summary>endSessions: drivers send it when they close; Tessera keeps no server-side session state yet.</summary>
public static class SessionCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("endSessions", _ => new BsonDocument(), AllowedBeforeAuthentication: true),
    ];
}
