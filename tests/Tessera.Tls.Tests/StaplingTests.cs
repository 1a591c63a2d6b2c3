using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Security.Tls;
using Tessera.Tls.Client;
using Tessera.Tls.Server;

namespace Tessera.Tls.Tests;

/// <summary>
/// The engine's two sides against each other over loopback TCP: what the server's staple source holds reaches the
/// client's judge byte for byte, nothing is stapled when the source is empty or the client did not ask, and a judge that
/// refuses the staple ends the handshake on both sides, under TLS 1.2 and 1.3.
/// </summary>
public sealed class StaplingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tessera-tls-").FullName;
    private readonly CertificateKeyFile _server;

    public StaplingTests()
    {
        var issuer = new CertificateIssuer();
        using var ca = issuer.IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Ca, Subject = Dn("CN=Test CA") });
        using var leaf = issuer.Issue(new IssueRequest { Profile = CertificateProfile.Server, Subject = Dn("CN=localhost"), Hosts = ["localhost"] }, ca);
        var path = Path.Combine(_directory, "server.pem");
        File.WriteAllText(path, leaf.ExportCertificatePem() + "\n" + leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
        _server = CertificateKeyFile.Load(path, null);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task TheStapleReachesTheClientAsIs(SslProtocols protocol)
    {
        byte[] staple = [0x30, 0x03, 0x0A, 0x01, 0x00, 0x42]; // any bytes: the engine does not interpret them
        var judge = await HandshakeAsync(protocol, new Source(staple), requestStaple: true);
        Assert.True(judge.StatusAsked);
        Assert.Equal(staple, judge.Staple);
        Assert.True(judge.CertificateJudged);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task AnEmptySourceStaplesNothingAndTheClientIsToldSo(SslProtocols protocol)
    {
        var judge = await HandshakeAsync(protocol, new Source(null), requestStaple: true);
        Assert.True(judge.StatusAsked);
        Assert.Null(judge.Staple);
    }

    [Fact]
    public async Task AClientThatDoesNotAskIsNotAskedAboutTheStatus()
    {
        var source = new Source([1, 2, 3]);
        var judge = await HandshakeAsync(SslProtocols.Tls13, source, requestStaple: false);
        Assert.False(judge.StatusAsked);
        Assert.Equal(0, source.Reads);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task ARefusedStapleEndsTheHandshakeWithInvalidStatusResponse(SslProtocols protocol)
    {
        var judge = new RecordingJudge { RefuseStatus = true };
        var (client, server) = await BothSidesAsync(protocol, new Source([1, 2, 3]), judge, requestStaple: true);
        var clientError = await Assert.ThrowsAsync<TlsHandshakeException>(() => client);
        Assert.Contains("invalid status response", clientError.Message, StringComparison.Ordinal);
        var serverError = await Assert.ThrowsAnyAsync<Exception>(() => server);
        Assert.Contains("bad certificate status response", serverError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedServerCertificateIsSentAsTheAlertThatNamesIt()
    {
        var judge = new RecordingJudge { Refusal = PeerFailure.UnknownIssuer };
        var (client, server) = await BothSidesAsync(SslProtocols.Tls13, new Source(null), judge, requestStaple: true);
        var clientError = await Assert.ThrowsAsync<TlsHandshakeException>(() => client);
        Assert.Contains("certificate verify failed", clientError.Message, StringComparison.Ordinal);
        var serverError = await Assert.ThrowsAnyAsync<Exception>(() => server);
        Assert.Contains("alert unknown ca", serverError.Message, StringComparison.Ordinal);
        Assert.False(judge.StatusAsked);
    }

    private async Task<RecordingJudge> HandshakeAsync(SslProtocols protocol, Source source, bool requestStaple)
    {
        var judge = new RecordingJudge();
        var (client, server) = await BothSidesAsync(protocol, source, judge, requestStaple);
        await Task.WhenAll(client, server);
        return judge;
    }

    private async Task<(Task Client, Task Server)> BothSidesAsync(SslProtocols protocol, Source source, RecordingJudge judge, bool requestStaple)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clientSocket = new TcpClient();
        await clientSocket.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        var serverSocket = await listener.AcceptTcpClientAsync();

        var serverContext = new ServerTlsContext(_server, protocol, ClientCertificateMode.NotRequested, source);
        var clientContext = new ClientTlsContext(null);
        var serverStream = serverContext.Accept(serverSocket.GetStream(), new AdmitAll());
        var clientStream = clientContext.Connect(clientSocket.GetStream(), "localhost", judge, requestStaple);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return (Run(clientStream, clientContext, clientSocket, timeout.Token), Run(serverStream, serverContext, serverSocket, timeout.Token));
    }

    private static async Task Run(TlsStream stream, IDisposable context, TcpClient socket, CancellationToken cancellationToken)
    {
        try
        {
            await stream.HandshakeAsync(cancellationToken);
            // One byte each way, so that a TLS 1.3 refusal sent after the server's Finished is read by the server.
            await stream.WriteAsync(new byte[] { 1 }, cancellationToken);
            var buffer = new byte[1];
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                throw new IOException("closed");
            }
        }
        finally
        {
            await stream.DisposeAsync();
            context.Dispose();
            socket.Dispose();
        }
    }

    private static X500DistinguishedName Dn(string subject) => DistinguishedNameParser.Parse(subject).ToX500DistinguishedName();

    private sealed class Source(byte[]? response) : IStapledResponseSource
    {
        public int Reads { get; private set; }

        public byte[]? Current
        {
            get
            {
                Reads++;
                return response;
            }
        }
    }

    private sealed class AdmitAll : IPeerCertificateJudge
    {
        public PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain) => PeerFailure.None;
    }

    private sealed class RecordingJudge : IServerCertificateJudge
    {
        public PeerFailure Refusal { get; init; } = PeerFailure.None;

        public bool RefuseStatus { get; init; }

        public bool CertificateJudged { get; private set; }

        public bool StatusAsked { get; private set; }

        public byte[]? Staple { get; private set; }

        public PeerFailure Judge(X509Certificate2 certificate, X509Certificate2Collection presentedChain)
        {
            CertificateJudged = certificate.Subject == "CN=localhost";
            return Refusal;
        }

        public bool AcceptStatus(byte[]? stapledResponse)
        {
            StatusAsked = true;
            Staple = stapledResponse;
            return !RefuseStatus;
        }
    }
}
