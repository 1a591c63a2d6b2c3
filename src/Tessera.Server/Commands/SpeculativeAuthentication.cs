using MongoDB.Bson;
using Tessera.Server.Authentication;

namespace Tessera.Server.Commands;

/// <summary>
/// <c>hello.speculativeAuthenticate</c> (server-behavior.md §1.1c): runs the embedded authenticate or saslStart
/// and returns its reply for the hello, or null. A failed attempt never fails the hello: the driver then sends
/// an explicit authenticate, which shows the user the error.
/// </summary>
public static class SpeculativeAuthentication
{
    public static BsonDocument? Run(CommandContext context, BsonValue request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request is not BsonDocument document || document.ElementCount == 0)
        {
            throw new CommandException(ErrorCode.BadValue, "hello.speculativeAuthenticate must be a non-empty Object");
        }

        var kind = document.GetElement(0).Name;
        try
        {
            switch (kind)
            {
                case "authenticate":
                    // Drivers send no db: mongod defaults it to $external, which is what makes speculative X.509 work.
                    var database = document.TryGetValue("db", out var db) && db.IsString ? db.AsString : X509Authenticator.ExternalDatabase;
                    var user = context.Server.Authenticator.Authenticate(context.Connection, MechanismOf(document), database, UserOf(document), speculative: true);
                    return AuthenticationCommands.AuthenticateReply(user);
                case "saslStart":
                    if (!document.TryGetValue("db", out var saslDb) || !saslDb.IsString)
                    {
                        return null;
                    }

                    context.Server.Authenticator.Authenticate(
                        context.Connection, MechanismOf(document), saslDb.AsString, () => AuthenticationCommands.PayloadUser(document), speculative: true);
                    return AuthenticationCommands.SaslReply(document);
                default:
                    throw new CommandException(ErrorCode.Location51769, $"hello.speculativeAuthenticate unknown command: {kind}");
            }
        }
        catch (AuthenticationFailure)
        {
            return null;
        }
        catch (CommandException) when (kind is "authenticate" or "saslStart")
        {
            return null;
        }
    }

    private static string MechanismOf(BsonDocument document) =>
        document.TryGetValue("mechanism", out var mechanism) && mechanism.IsString ? mechanism.AsString : string.Empty;

    private static string? UserOf(BsonDocument document) =>
        document.TryGetValue("user", out var user) && user.IsString ? user.AsString : null;
}
