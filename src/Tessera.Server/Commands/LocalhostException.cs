using Tessera.Server.Authentication;

namespace Tessera.Server.Commands;

/// <summary>
/// mongod's localhost exception: with authorization on and no user at all, a client on the loopback interface
/// may create the first user (and nothing else), so that a fresh deployment can be set up.
/// </summary>
public static class LocalhostException
{
    public static bool Applies(ServerContext server, ConnectionState connection, CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(definition);
        return server.Setup.LocalhostAuthBypass && connection.IsLoopback && definition.Name == "createUser" && server.Users.IsEmpty;
    }
}
