using MongoDB.Bson;
using Tessera.Server.Authentication;
using Tessera.Server.Logging;
using Tessera.Wire;

namespace Tessera.Server.Commands;

/// <summary>authenticate, saslStart, saslContinue and logout, with mongod's error masking (server-behavior.md §1.5).</summary>
public static class AuthenticationCommands
{
    // Arguments every command may carry (mongod's generic arguments); anything else on authenticate is an error.
    private static readonly HashSet<string> GenericArguments =
        ["$db", "lsid", "$clusterTime", "$readPreference", "apiVersion", "apiStrict", "apiDeprecationErrors", "comment", "maxTimeMS", "txnNumber", "autocommit", "$audit", "$client"];

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("authenticate", Authenticate, AllowedBeforeAuthentication: true),
        new("saslStart", SaslStart, AllowedBeforeAuthentication: true),
        new("saslContinue", SaslContinue, AllowedBeforeAuthentication: true),
        new("logout", Logout, AllowedBeforeAuthentication: true),
    ];

    /// <summary>mongod's AuthenticateReply: <c>{dbname, user}</c>, the user being the DN even for a member.</summary>
    public static BsonDocument AuthenticateReply(AuthenticatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new BsonDocument { { "dbname", X509Authenticator.ExternalDatabase }, { "user", user.PrincipalName } };
    }

    /// <summary>A finished one-step SASL conversation; a string payload is echoed back as a (base64) string.</summary>
    public static BsonDocument SaslReply(BsonDocument request)
    {
        ArgumentNullException.ThrowIfNull(request);
        BsonValue payload = request.TryGetValue("payload", out var p) && p.IsString ? string.Empty : new BsonBinaryData([]);
        return new BsonDocument { { "conversationId", 1 }, { "done", true }, { "payload", payload } };
    }

    // A subject DN is well under 10 KB; anything much larger is not a MONGODB-X509 payload.
    private const int MaxPayloadBytes = 16 * 1024;

    /// <summary>The user named in a MONGODB-X509 SASL payload: empty, or the BSON document <c>{u: "..."}</c>.</summary>
    public static string? PayloadUser(BsonDocument request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.TryGetValue("payload", out var payload))
        {
            return null;
        }

        var bytes = payload switch
        {
            BsonBinaryData binary => binary.Bytes,
            BsonString text when text.Value.Length == 0 => [],
            BsonString text => DecodeBase64(text.Value),
            _ => throw new AuthenticationFailure(ErrorCode.BadValue, "Invalid SASL payload"),
        };
        if (bytes.Length == 0)
        {
            return null;
        }

        if (bytes.Length > MaxPayloadBytes)
        {
            throw new AuthenticationFailure(ErrorCode.BadValue, $"The MONGODB-X509 payload is {bytes.Length} bytes; at most {MaxPayloadBytes} are accepted");
        }

        try
        {
            var document = UntrustedBson.Decode(bytes, "the MONGODB-X509 payload");
            return document.TryGetValue("u", out var u) && u.IsString ? u.AsString : null;
        }
        catch (WireProtocolException e)
        {
            throw new AuthenticationFailure(ErrorCode.BadValue, "Invalid BSON in the MONGODB-X509 payload: " + e.Message);
        }
    }

    private static BsonDocument Authenticate(CommandContext context)
    {
        foreach (var element in context.Command.Skip(1))
        {
            if (element.Name is not ("mechanism" or "user") && !GenericArguments.Contains(element.Name))
            {
                throw new CommandException(new ErrorCode(40415, "Location40415"), $"BSON field 'authenticate.{element.Name}' is an unknown field.");
            }
        }

        var mechanism = context.OptionalString("mechanism")
            ?? throw new CommandException(new ErrorCode(40414, "Location40414"), "BSON field 'authenticate.mechanism' is missing but a required field");
        try
        {
            var user = context.Server.Authenticator.Authenticate(context.Connection, mechanism, context.Database, context.OptionalString("user"), speculative: false);
            return AuthenticateReply(user);
        }
        catch (AuthenticationFailure failure)
        {
            throw failure.Masked(ErrorCode.UserNotFound, ErrorCode.ProtocolError);
        }
    }

    private static BsonDocument SaslStart(CommandContext context)
    {
        var mechanism = context.OptionalString("mechanism") ?? string.Empty;
        try
        {
            context.Server.Authenticator.Authenticate(context.Connection, mechanism, context.Database, () => PayloadUser(context.Command), speculative: false);
            return SaslReply(context.Command);
        }
        catch (AuthenticationFailure failure)
        {
            throw failure.Masked(ErrorCode.MechanismUnavailable, ErrorCode.ProtocolError);
        }
    }

    // MONGODB-X509 finishes in one step, so there is never a conversation to continue.
    private static BsonDocument SaslContinue(CommandContext context) =>
        throw new CommandException(ErrorCode.ProtocolError, "No SASL session state found");

    private static BsonDocument Logout(CommandContext context)
    {
        context.Server.Log.Warning(LogComponents.Access, 5626600, context.Connection.Name,
            "The logout command has been deprecated, clients should end their session instead");
        context.Connection.Logout();
        return [];
    }

    private static byte[] DecodeBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new AuthenticationFailure(ErrorCode.BadValue, "Invalid base64 in the SASL payload");
        }
    }
}
