using MongoDB.Bson;
using Tessera.Server.Authentication;

namespace Tessera.Server.Commands;

/// <summary>One command being run: the request document, its database, the connection and the server around it.</summary>
public sealed class CommandContext
{
    public CommandContext(ServerContext server, ConnectionState connection, BsonDocument command, string database, BsonDocument? body = null)
    {
        Server = server;
        Connection = connection;
        Command = command;
        Database = database;
        Body = body ?? command;
    }

    public ServerContext Server { get; }

    public ConnectionState Connection { get; }

    public BsonDocument Command { get; }

    /// <summary>The command as the client framed it (OP_MSG's body section, without document sequences): what error messages print.</summary>
    public BsonDocument Body { get; }

    public Authorization.AuthorizationState Authorization => Connection.Authorization;

    public string Database { get; }

    /// <summary>The command's name: the first field of the document.</summary>
    public string Name => Command.GetElement(0).Name;

    /// <summary>A string field, or a TypeMismatch error naming it.</summary>
    public string? OptionalString(string field) =>
        Command.TryGetValue(field, out var value) && !value.IsBsonNull
            ? value.IsString ? value.AsString : throw new CommandException(ErrorCode.TypeMismatch,
                $"BSON field '{Name}.{field}' is the wrong type '{value.BsonType.ToString().ToLowerInvariant()}', expected type 'string'")
            : null;

    public bool OptionalBool(string field) =>
        Command.TryGetValue(field, out var value) && value.ToBoolean();
}
