using Tessera.Server.Authentication;
using Tessera.Server.Commands;
using Tessera.Server.Cursors;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;
using Tessera.Storage;

namespace Tessera.Server;

/// <summary>What every connection and command shares: the setup, the log, the users, the storage and the command table.</summary>
public sealed class ServerContext
{
    public ServerContext(ServerSetup setup, ServerLog log, IUserStore users, CommandTable? commands = null, TimeProvider? time = null, IStorageEngine? storage = null)
    {
        StorageEngine = storage;
        Setup = setup;
        Log = log;
        Users = users;
        Commands = commands ?? CommandTable.Default;
        Time = time ?? TimeProvider.System;
        StartedAt = Time.GetUtcNow();
        Authenticator = new X509Authenticator(setup, users, log);
        Cursors = new CursorManager(Time, setup.CursorTimeout);
    }

    public ServerSetup Setup { get; }

    public ServerLog Log { get; }

    public IUserStore Users { get; }

    public CommandTable Commands { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset StartedAt { get; }

    public X509Authenticator Authenticator { get; }

    /// <summary>Connections and operation counts, for serverStatus.</summary>
    public ServerStatistics Statistics { get; } = new();

    /// <summary>The open cursors of every connection (getMore may come on another connection of the same user).</summary>
    public CursorManager Cursors { get; }

    /// <summary>Where the data lives (the same engine that holds admin.system.users); null only for servers built without one.</summary>
    public IStorageEngine? StorageEngine { get; }

    /// <summary>The storage engine, for the data commands.</summary>
    public IStorageEngine Storage => StorageEngine
        ?? throw new CommandException(ErrorCode.InternalError, "this server was started without a storage engine; start it with --dbpath");
}
