using MongoDB.Bson;
using Tessera.Server.Authentication;
using Tessera.Server.Logging;
using Tessera.Wire;

namespace Tessera.Server.Commands;

/// <summary>hello / isMaster: what drivers ask first, including speculative X.509 authentication.</summary>
public static class HandshakeCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("hello", context => Hello(context, legacy: false), AllowedBeforeAuthentication: true),
        new("isMaster", context => Hello(context, legacy: true), AllowedBeforeAuthentication: true) { Aliases = ["ismaster"] },
    ];

    private static BsonDocument Hello(CommandContext context, bool legacy)
    {
        var command = context.Command;
        var connection = context.Connection;
        NoteClient(context);
        var reply = new BsonDocument();
        if (command.TryGetValue("helloOk", out var helloOk) && helloOk.ToBoolean())
        {
            reply.Add("helloOk", true);
        }

        reply.Add(legacy ? "ismaster" : "isWritablePrimary", true);
        reply.Add("maxBsonObjectSize", WireLimits.MaxBsonObjectSize);
        reply.Add("maxMessageSizeBytes", WireLimits.MaxMessageSizeBytes);
        reply.Add("maxWriteBatchSize", WireLimits.MaxWriteBatchSize);
        reply.Add("localTime", new BsonDateTime(context.Server.Time.GetUtcNow().UtcDateTime));
        reply.Add("logicalSessionTimeoutMinutes", 30);
        reply.Add("connectionId", connection.Id);
        reply.Add("minWireVersion", ServerInfo.MinWireVersion);
        reply.Add("maxWireVersion", ServerInfo.MaxWireVersion);
        reply.Add("readOnly", false);
        if (context.OptionalString("saslSupportedMechs") is { } userName)
        {
            // Only $external users can use MONGODB-X509; Tessera supports no other mechanism.
            reply.Add("saslSupportedMechs", userName.StartsWith(X509Authenticator.ExternalDatabase + ".", StringComparison.Ordinal)
                ? new BsonArray { X509Authenticator.Mechanism }
                : []);
        }

        if (command.TryGetValue("speculativeAuthenticate", out var speculative))
        {
            if (SpeculativeAuthentication.Run(context, speculative) is { } result)
            {
                reply.Add("speculativeAuthenticate", result);
            }
        }

        return reply;
    }

    private static void NoteClient(CommandContext context)
    {
        var connection = context.Connection;
        if (context.Command.TryGetValue("internalClient", out var internalClient) && internalClient.IsBsonDocument)
        {
            connection.IsInternalClient = true;
        }

        if (!connection.HasClientMetadata && context.Command.TryGetValue("client", out var client) && client.IsBsonDocument)
        {
            connection.HasClientMetadata = true;
            context.Server.Log.Info(LogComponents.Network, 51800, connection.Name, "client metadata",
                ("remote", connection.RemoteAddress), ("client", connection.Name), ("doc", client.AsBsonDocument.ToJson()));
        }
    }
}
