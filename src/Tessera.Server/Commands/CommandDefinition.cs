using MongoDB.Bson;

namespace Tessera.Server.Commands;

/// <summary>
/// One row of the command table: the handler, whether it may run before login, and the privilege check that
/// decides whether the logged-in user may run it (null: any logged-in user).
/// </summary>
public sealed record CommandDefinition(
    string Name,
    Func<CommandContext, BsonDocument> Handler,
    bool AllowedBeforeAuthentication = false,
    Func<CommandContext, bool>? IsAuthorized = null)
{
    /// <summary>Other spellings that run the same handler (isMaster, ismaster).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
