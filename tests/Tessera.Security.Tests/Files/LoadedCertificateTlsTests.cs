using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Files;

using Tessera.Security.Tests.Support;

namespace Tessera.Security.Tests.Files;

/// <summary>
/// The loaded certificate serves a real TLS handshake through SslStream on this platform: the key is
/// attached in a form the TLS stack can sign with, and the intermediates are sent with the leaf.
/// </summary>
public sealed class LoadedCertificateTlsTests : IDisposable
{
    // The PKI first: if making it fails, no directory is left behind by a constructor that never completed.
    private readonly TestPki pki = TestPki.Shared;
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("traditional-rsa-aes256")]
    [InlineData("pkcs8-ec")]
    public async Task EncryptedPem_ServesTlsHandshakeWithIntermediate(string format)
    {
        var (leaf, keyPem) = KeyFiles.Encrypted(format, directory, pki);
        var path = directory.Write("server.pem", keyPem + leaf.CertificatePem + pki.Intermediate.CertificatePem);

        var loaded = CertificateKeyFile.Load(path, KeyFiles.Password);

        var (seenLeaf, seenChain) = await HandshakeAsync(loaded);
        Assert.Equal(leaf.Certificate.Thumbprint, seenLeaf);
        Assert.Contains(pki.Intermediate.Certificate.Thumbprint, seenChain);
    }

    [Fact]
    public async Task Pkcs12_ServesTlsHandshake()
    {
        var path = KeyFiles.Pkcs12(directory, pki.RsaLeaf, "server.p12", pki.Intermediate);

        var loaded = CertificateKeyFile.Load(path, KeyFiles.Password);

        var (seenLeaf, _) = await HandshakeAsync(loaded);
        Assert.Equal(pki.RsaLeaf.Certificate.Thumbprint, seenLeaf);
    }

    /// <summary>Serves the loaded certificate on loopback and returns what a client saw: the leaf's and the chain's thumbprints.</summary>
    private static async Task<(string Leaf, IReadOnlyList<string> Chain)> HandshakeAsync(CertificateKeyFile loaded)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var serverTask = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync(timeout.Token);
            await using var tls = new SslStream(socket.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(loaded.Certificate, loaded.Intermediates, offline: true),
            }, timeout.Token);
            await tls.WriteAsync(new byte[] { 42 }, timeout.Token);
        });

        string? leaf = null;
        var chain = new List<string>();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                // The test PKI is not trusted by this machine; the test inspects what was sent instead.
                RemoteCertificateValidationCallback = (_, certificate, builtChain, _) =>
                {
                    leaf = certificate is null ? null : new X509Certificate2(certificate).Thumbprint;
                    chain.AddRange(builtChain?.ChainPolicy.ExtraStore.Select(c => c.Thumbprint) ?? []);
                    chain.AddRange(builtChain?.ChainElements.Select(e => e.Certificate.Thumbprint) ?? []);
                    return true;
                },
            }, timeout.Token);
            var buffer = new byte[1];
            Assert.Equal(1, await tls.ReadAsync(buffer, timeout.Token));
            Assert.Equal(42, buffer[0]);
        }

        await serverTask;
        return (leaf ?? throw new InvalidOperationException("no server certificate seen"), chain);
    }
}
