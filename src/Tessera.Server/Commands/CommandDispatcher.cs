using MongoDB.Bson;
using Tessera.Server.Authentication;
using Tessera.Server.Authorization;

namespace Tessera.Server.Commands;

/// <summary>
/// Runs one command document: finds it in the table, applies authentication and authorization, and turns every
/// failure into MongoDB's error reply. Nothing a client sends can make it throw.
/// </summary>
public static class CommandDispatcher
{
    public static BsonDocument Run(ServerContext server, ConnectionState connection, BsonDocument command, BsonDocument? body = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            var reply = Execute(server, connection, command, body);
            if (!reply.Contains("ok"))
            {
                reply.Add("ok", 1.0);
            }

            return reply;
        }
        catch (CommandException e)
        {
            return ErrorReply(e.Error, e.Message);
        }
        catch (Tessera.Query.QueryException e)
        {
            return ErrorReply(new ErrorCode(e.Code, e.CodeName), e.Message);
        }
        catch (Storage.StorageException e)
        {
            return ErrorReply(new ErrorCode(e.Code, e.CodeName), e.Message);
        }
        catch (AuthenticationFailure e)
        {
            var masked = e.Masked();
            return ErrorReply(masked.Error, masked.Message);
        }
#pragma warning disable CA1031 // A bug in one handler answers that command with an error; the connection goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            server.Log.Error(Logging.LogComponents.Command, 0, connection.Name, "Command failed with an internal error",
                ("command", command.ElementCount > 0 ? command.GetElement(0).Name : string.Empty), ("error", e.GetType().Name + ": " + e.Message));
            return ErrorReply(ErrorCode.InternalError, "internal error while running the command; the server log has the details");
        }
    }

    public static BsonDocument ErrorReply(ErrorCode error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new BsonDocument { { "ok", 0.0 }, { "errmsg", message }, { "code", error.Code }, { "codeName", error.Name } };
    }

    private static BsonDocument Execute(ServerContext server, ConnectionState connection, BsonDocument command, BsonDocument? body)
    {
        if (command.ElementCount == 0)
        {
            throw new CommandException(ErrorCode.CommandNotFound, "no such command: ''");
        }

        var name = command.GetElement(0).Name;
        if (command.Names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new CommandException(new ErrorCode(40413, "Location40413"), $"BSON field '{name}.{duplicate.Key}' is a duplicate field");
        }

        var definition = server.Commands.Find(name)
            ?? throw new CommandException(ErrorCode.CommandNotFound, $"no such command: '{name}'");
        if (!command.TryGetValue("$db", out var db) || !db.IsString)
        {
            throw new CommandException(new ErrorCode(40571, "Location40571"), "OP_MSG requests require a $db argument");
        }

        if (command.Contains("txnNumber"))
        {
            // A standalone server, as mongod without a replica set: no transactions, no retryable writes.
            throw new CommandException(ErrorCode.IllegalOperation, "Transaction numbers are only allowed on a replica set member or mongos");
        }

        var context = new CommandContext(server, connection, command, db.AsString, body);
        RefreshUser(server, connection);
        Authorize(server, connection, definition, context);
        if (command.Contains("lsid") && connection.User is { } user && X509Authenticator.IsTooLongForSessions(user))
        {
            throw new CommandException(ErrorCode.BadValue, "Username too long to use with logical sessions");
        }

        server.Statistics.CommandRun(definition.Name);
        return definition.Handler(context);
    }

    // Like mongod's user cache: a user dropped or whose roles changed is seen on the connection's next command.
    private static void RefreshUser(ServerContext server, ConnectionState connection)
    {
        if (connection.User is not { FromStore: true } user || connection.UserGeneration == server.Users.Generation)
        {
            return;
        }

        var generation = server.Users.Generation;
        if (server.Users.Find(user.User, user.Database) is { } stored)
        {
            connection.Login(user with { Roles = stored.Roles }, generation);
        }
        else
        {
            connection.Logout();
        }
    }

    private static void Authorize(ServerContext server, ConnectionState connection, CommandDefinition definition, CommandContext context)
    {
        if (!server.Setup.AuthorizationEnabled || definition.AllowedBeforeAuthentication)
        {
            return;
        }

        if (connection.User is null)
        {
            if (LocalhostException.Applies(server, connection, definition))
            {
                return;
            }

            throw new CommandException(ErrorCode.Unauthorized, UnauthorizedMessage.RequiresAuthentication(definition.Name));
        }

        if (definition.IsAuthorized is { } check && !check(context))
        {
            throw new CommandException(ErrorCode.Unauthorized, UnauthorizedMessage.NotAuthorized(context.Database, context.Body));
        }
    }
}
