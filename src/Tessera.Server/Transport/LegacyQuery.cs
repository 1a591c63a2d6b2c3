using MongoDB.Bson;
using Tessera.Server.Authentication;
using Tessera.Server.Commands;
using Tessera.Wire;

namespace Tessera.Server.Transport;

/// <summary>
/// OP_QUERY, which drivers and shells still use for their first hello/isMaster on admin.$cmd. Like mongod 5.1+,
/// only the handshake and authentication commands are accepted this way.
/// </summary>
internal static class LegacyQuery
{
    private static readonly HashSet<string> Allowed = ["hello", "isMaster", "ismaster", "authenticate", "saslStart", "saslContinue", "getnonce", "ping", "buildInfo", "buildinfo"];

    public static BsonDocument Run(ServerContext server, ConnectionState connection, OpQuery query)
    {
        if (!query.IsCommand)
        {
            return CommandDispatcher.ErrorReply(new ErrorCode(352, "UnsupportedOpQueryCommand"), "OP_QUERY is no longer supported for queries; use OP_MSG.");
        }

        // Old drivers wrap the command as {$query: {...}, $readPreference: ...}.
        var command = query.Query.TryGetValue("$query", out var wrapped) && wrapped.IsBsonDocument ? wrapped.AsBsonDocument : query.Query;
        if (command.ElementCount == 0 || !Allowed.Contains(command.GetElement(0).Name))
        {
            var name = command.ElementCount == 0 ? string.Empty : command.GetElement(0).Name;
            return CommandDispatcher.ErrorReply(new ErrorCode(352, "UnsupportedOpQueryCommand"),
                $"Unsupported OP_QUERY command: {name}. The client driver may require an upgrade.");
        }

        var withDatabase = new BsonDocument { AllowDuplicateNames = true };
        withDatabase.AddRange(command.Elements.Where(e => e.Name != "$db"));
        withDatabase.Add("$db", query.DatabaseName);
        return CommandDispatcher.Run(server, connection, withDatabase);
    }
}
