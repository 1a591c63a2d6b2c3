using System.Net;
using Tessera.Security.Files;
using Tessera.Testing;
using Tessera.Security.Membership;
using Tessera.Security.Names;
using Tessera.Server;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;

namespace Tessera.Client.Tests.Driver;

/// <summary>A Tessera server in process on an ephemeral loopback port (a smaller copy of the server tests' RunningServer).</summary>
public sealed class DriverTestServer : IAsyncDisposable
{
    private readonly TesseraServer _server;

    private DriverTestServer(TesseraServer server) => _server = server;

    public int Port => _server.Endpoints[0].Port;

    /// <summary>requireTLS presenting <paramref name="serverCertificateFile"/>, trusting the PKI's CA, X.509 auth, alice readWrite on test.</summary>
    public static async Task<DriverTestServer> StartAsync(TestPki pki, string serverCertificateFile)
    {
        var serverCertificate = CertificateKeyFile.Load(serverCertificateFile, null);
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
        var users = new InMemoryUserStore();
        users.TryCreate(new UserRecord(TestPki.AliceName, "$external", [new("readWrite", "test")], Guid.NewGuid()));
        var server = new TesseraServer(setup, new ServerLog(null), users);
        await server.StartAsync();
        return new DriverTestServer(server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
