using System.Runtime.InteropServices;
using Tessera.Security.Certificates;
using Tessera.Server;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;
using Tessera.Storage.Sqlite;

namespace Tessera.Cli.Serve;

/// <summary>Runs the server until Ctrl+C or SIGTERM, then stops it cleanly.</summary>
internal static class ServerHost
{
    public static async Task<int> RunAsync(ServerOptions options, DevEnvironment? dev, TextWriter output, TextWriter messages, CancellationToken cancellationToken)
    {
        var setup = ServerSetupLoader.Load(options);
        using var storage = SqliteStorageEngine.Open(setup.DatabasePath!);
        var users = new StoredUserStore(storage);
        if (dev is not null && users.Find(dev.ClientUser, "$external") is null)
        {
            users.TryCreate(new UserRecord(dev.ClientUser, "$external", [new MongoRole("root", "admin")], Guid.NewGuid()));
        }

        var log = new ServerLog(output);
        await using var server = new TesseraServer(setup, log, users, storage);
        await server.StartAsync().ConfigureAwait(false);
        if (dev is not null)
        {
            DevBanner.Write(messages, dev, server.Endpoints[0].Port); // logs stay alone on standard output
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            log.Info(LogComponents.Control, 23138, "signalProcessingThread", "Shutting down");
        }

        return 0;
    }
}
