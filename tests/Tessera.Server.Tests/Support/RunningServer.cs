using System.Collections.Concurrent;
using System.Net;
using MongoDB.Driver;
using Tessera.Security.Files;
using Tessera.Security.Membership;
using Tessera.Security.Names;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;

namespace Tessera.Server.Tests.Support;

/// <summary>A Tessera server started in process on an ephemeral loopback port, with what it logged.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TesseraServer _server;
    private readonly StorageDirectory? _storage;

    private RunningServer(TesseraServer server, ConcurrentQueue<LogEntry> log, IUserStore users, StorageDirectory? storage)
    {
        _server = server;
        Log = log;
        Users = users;
        _storage = storage;
    }

    public ConcurrentQueue<LogEntry> Log { get; }

    public IUserStore Users { get; }

    public int Port => _server.Endpoints[0].Port;

    public ServerContext Context => _server.Context;

    /// <summary>requireTLS with the PKI's CA, X.509 auth on, alice as a readWrite user, unless the test changes it.</summary>
    public static async Task<RunningServer> StartAsync(TestPki pki, Func<ServerSetup, ServerSetup>? adjust = null, IUserStore? users = null, bool withStorage = false)
    {
        var serverCertificate = CertificateKeyFile.Load(pki.ServerFile, null);
        var setup = new ServerSetup
        {
            Endpoints = [new IPEndPoint(IPAddress.Loopback, 0)],
            TlsMode = TlsMode.RequireTls,
            ServerCertificate = serverCertificate,
            CertificateAuthorities = CertificateAuthorityFile.Load(pki.CaFile),
            AuthorizationEnabled = true,
            ClusterAuthMode = ClusterAuthMode.X509,
            Membership = new ClusterMembership(X509Name.FromCertificateSubject(serverCertificate.Certificate)),
        };
        setup = adjust?.Invoke(setup) ?? setup;
        if (users is null)
        {
            users = new InMemoryUserStore();
            users.TryCreate(new UserRecord(TestPki.AliceName, "$external", [new("readWrite", "test")], Guid.NewGuid()));
        }

        var log = new ConcurrentQueue<LogEntry>();
        var serverLog = new ServerLog(null);
        serverLog.Written += log.Enqueue;
        var storage = withStorage ? new StorageDirectory() : null;
        var server = new TesseraServer(setup, serverLog, users, storage?.Engine);
        await server.StartAsync();
        return new RunningServer(server, log, users, storage) { CaFile = pki.CaFile };
    }

    public bool Logged(int id, Func<LogEntry, bool>? where = null) => Log.Any(e => e.Id == id && (where is null || where(e)));

    public int CountLogged(int id) => Log.Count(e => e.Id == id);

    public MongoClient Client(string? certificateFile, string? user = null, bool x509 = true, int timeoutMs = 3000, string host = "localhost", bool allowInvalidHostnames = false) =>
        DriverClients.Create(host, Port, certificateFile, user, x509, timeoutMs, CaFile, allowInvalidHostnames);

    internal string CaFile { get; set; } = string.Empty;

    /// <summary>The SQLite engine behind the data commands (with <c>withStorage</c>).</summary>
    public Storage.IStorageEngine Storage => _storage?.Engine ?? throw new InvalidOperationException("started without storage");

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _storage?.Dispose();
    }

    /// <summary>A real SQLite data directory for one server, removed afterwards.</summary>
    private sealed class StorageDirectory : IDisposable
    {
        private readonly string _path = System.IO.Directory.CreateTempSubdirectory("tessera-data-").FullName;

        public StorageDirectory() => Engine = Tessera.Storage.Sqlite.SqliteStorageEngine.Open(_path);

        public Tessera.Storage.Sqlite.SqliteStorageEngine Engine { get; }

        public void Dispose()
        {
            Engine.Dispose();
            System.IO.Directory.Delete(_path, recursive: true);
        }
    }
}
