using MongoDB.Bson;

namespace Tessera.Server.Commands;

/// <summary>getParameter: the server parameters Tessera has, under mongod's names.</summary>
public static class GetParameterCommand
{
    public static BsonDocument Get(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = Current(context.Server);
        var requestAll = context.Command.GetElement(0).Value is BsonString { Value: "*" };
        var reply = new BsonDocument();
        foreach (var element in all)
        {
            if (requestAll || context.Command.Contains(element.Name))
            {
                reply.Add(element);
            }
        }

        if (reply.ElementCount == 0)
        {
            throw new CommandException(ErrorCode.InvalidOptions, "no option found to get");
        }

        return reply;
    }

    private static BsonDocument Current(ServerContext server)
    {
        var setup = server.Setup;
        return new BsonDocument
        {
            { "tlsMode", setup.TlsMode switch {  Configuration.TlsMode.AllowTls => "allowTLS", Configuration.TlsMode.PreferTls => "preferTLS", Configuration.TlsMode.RequireTls => "requireTLS", _ => "disabled" } },
            { "enforceUserClusterSeparation", setup.EnforceUserClusterSeparation },
            { "tlsX509ExpirationWarningThresholdDays", setup.ExpirationWarningThresholdDays },
            { "authenticationMechanisms", new BsonArray { Authentication.X509Authenticator.Mechanism } },
            { "featureCompatibilityVersion", new BsonDocument("version", "8.0") },
        };
    }
}
