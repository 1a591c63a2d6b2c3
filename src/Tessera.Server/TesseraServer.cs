using System.Net;
using System.Net.Sockets;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Transport;
using Tessera.Server.Transport.Stapling;
using Tessera.Server.Users;
using Tessera.Storage;

namespace Tessera.Server;

/// <summary>
/// The server: listens on its endpoints, accepts connections off the accept loop (each on its own task), and
/// stops cleanly. <see cref="StartAsync"/> returns once every endpoint is listening.
/// </summary>
public sealed class TesseraServer : IAsyncDisposable
{
    private readonly ServerContext _context;
    private readonly TlsAcceptor? _tls;
    private readonly OcspStapler? _stapler;
    private readonly List<Socket> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _acceptLoops = [];
    private readonly HashSet<Task> _connections = [];
    private readonly Lock _gate = new();
    private long _lastConnectionId;

    public TesseraServer(ServerSetup setup, ServerLog log, IUserStore users, IStorageEngine? storage = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        StartupChecks.Run(setup, log);
        _context = new ServerContext(setup, log, users, storage: storage);
        _stapler = StaplingStartup.Create(setup, log);
        _tls = setup.TlsMode == TlsMode.Disabled ? null : new TlsAcceptor(setup, log, _stapler);
    }

    public ServerContext Context => _context;

    /// <summary>The endpoints actually bound (port 0 becomes the port the system chose).</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _listeners.Select(l => (IPEndPoint)l.LocalEndPoint!).ToArray();

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public Task StartAsync()
    {
        foreach (var endpoint in _context.Setup.Endpoints)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endpoint);
                socket.Listen(512);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new IOException($"Cannot listen on {endpoint}: {e.Message}. Is another server using that port? Choose another with --port.", e);
            }

            _listeners.Add(socket);
            _context.Log.Info(LogComponents.Network, 23016, "listener", "Waiting for connections", ("port", ((IPEndPoint)socket.LocalEndPoint!).Port), ("ssl", _tls is null ? "off" : "on"));
            _acceptLoops.Add(Task.Run(() => AcceptLoopAsync(socket)));
        }

        // In the background: a slow or dead OCSP responder must not delay readiness; handshakes go unstapled meanwhile.
        _stapler?.Start();

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).ConfigureAwait(false);
        if (_stapler is not null)
        {
            await _stapler.DisposeAsync().ConfigureAwait(false); // before the TLS context, which calls into it
        }

        _tls?.Dispose();
        _context.Cursors.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            try
            {
                socket.NoDelay = true;
            }
            catch (SocketException)
            {
                socket.Dispose(); // the peer went away between accept and now; the listener carries on
                continue;
            }

            if (ConnectionCount >= _context.Setup.MaxConnections)
            {
                _context.Log.Info(LogComponents.Network, 22942, "listener", "Connection refused because there are too many open connections",
                    ("remote", socket.RemoteEndPoint?.ToString()), ("connectionCount", ConnectionCount));
                socket.Dispose();
                continue;
            }

            var id = Interlocked.Increment(ref _lastConnectionId);
            var connection = new ClientConnection(_context, _tls, socket, id);
            var task = Task.Run(() => RunConnectionAsync(connection, socket, id));
            lock (_gate)
            {
                _connections.Add(task);
            }

            _ = task.ContinueWith(t => { lock (_gate) { _connections.Remove(t); } }, TaskScheduler.Default);
        }
    }

    private async Task RunConnectionAsync(ClientConnection connection, Socket socket, long id)
    {
        var remote = socket.RemoteEndPoint?.ToString();
        _context.Statistics.ConnectionOpened();
        _context.Log.Info(LogComponents.Network, 22943, $"conn{id}", "Connection accepted", ("remote", remote), ("connectionId", id), ("connectionCount", ConnectionCount));
        try
        {
            await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A connection's failure, whatever it is, must end that connection only.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _context.Log.Error(LogComponents.Network, 22988, $"conn{id}", "Connection ended by an internal error", ("error", e.GetType().Name + ": " + e.Message));
        }

        _context.Statistics.ConnectionClosed();
        _context.Log.Info(LogComponents.Network, 22944, $"conn{id}", "Connection ended", ("remote", remote), ("connectionId", id));
    }
}
