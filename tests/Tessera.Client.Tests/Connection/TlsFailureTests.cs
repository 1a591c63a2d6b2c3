using System.Net;
using System.Net.Sockets;
using Tessera.Client.Connection;
using Tessera.Testing;

namespace Tessera.Client.Tests.Connection;

/// <summary>
/// Each failure class of MongoDB's TLS troubleshooting guide, provoked against a real `tessera serve` process: the
/// exception's kind, the step, OpenSSL's words in the cause (what PyMongo shows), and the option that fixes it.
/// </summary>
public sealed class TlsFailureTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public TlsFailureTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task AServerCertificateOfAnotherCaIsUnknownIssuerNamingTlsCAFile()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.ForeignServer);
        var error = await Refused(server, "");
        Assert.Equal(ConnectionFailureKind.UnknownIssuer, error.Kind);
        Assert.Equal(ConnectionStep.TlsHandshake, error.Step);
        Assert.Contains("unable to get local issuer certificate", error.Cause, StringComparison.Ordinal);
        Assert.Contains($"not signed by a CA in tlsCAFile={_pki.CaFile}", error.Cause, StringComparison.Ordinal);
        Assert.Contains("O=Evil", error.Fix, StringComparison.Ordinal);
        Assert.StartsWith($"localhost:{server.Port}: certificate verify failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("; fix: put the CA certificate", error.Message, StringComparison.Ordinal);

        // The same server passes once its CA is the one trusted, or when certificates are not checked at all.
        await using (await TesseraConnection.OpenAsync(Uri(server, "").Replace(_pki.CaFile, _pki.ForeignCaFile, StringComparison.Ordinal)))
        {
        }

        await using (await TesseraConnection.OpenAsync(Uri(server, "tlsAllowInvalidCertificates=true")))
        {
        }
    }

    [Fact]
    public async Task ACaFileWithTheIssuersNameButAnotherKeyIsCalledOut()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() =>
            TesseraConnection.OpenAsync(Uri(server, "").Replace(_pki.CaFile, _pki.ImpostorCaFile, StringComparison.Ordinal)));
        Assert.Equal(ConnectionFailureKind.UnknownIssuer, error.Kind);
        Assert.Contains("same name, another key", error.Cause, StringComparison.Ordinal);
        Assert.Contains("CA file of the PKI that issued the server's certificate", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTlsCAFileTheSystemStoreDoesNotKnowThePrivateCa()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() =>
            TesseraConnection.OpenAsync($"mongodb://localhost:{server.Port}/?tls=true&tlsCertificateKeyFile={_pki.Alice}"));
        Assert.Equal(ConnectionFailureKind.UnknownIssuer, error.Kind);
        Assert.Contains("system trust store", error.Cause, StringComparison.Ordinal);
        Assert.Contains("tlsCAFile=", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredCaInTheServersChainIsCertificateExpiredNamingIt()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.ExpiredChainServer);
        var error = await Refused(server, "");
        Assert.Equal(ConnectionFailureKind.CertificateExpired, error.Kind);
        Assert.Contains("certificate has expired", error.Cause, StringComparison.Ordinal);
        Assert.Contains("CN=Acme Expired Issuing CA", error.Cause, StringComparison.Ordinal);
        Assert.Contains("renew", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostNotInTheCertificateIsHostNameMismatchUnlessTlsAllowInvalidHostnames()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.OtherNameServer);
        var error = await Refused(server, "");
        Assert.Equal(ConnectionFailureKind.HostNameMismatch, error.Kind);
        Assert.Equal(ConnectionStep.HostName, error.Step);
        Assert.Contains("hostname mismatch", error.Cause, StringComparison.Ordinal);
        Assert.Contains("db.example.test", error.Cause, StringComparison.Ordinal);
        Assert.Contains("not localhost", error.Cause, StringComparison.Ordinal);
        Assert.Contains("tlsAllowInvalidHostnames=true", error.Fix, StringComparison.Ordinal);

        await using var connection = await TesseraConnection.OpenAsync(Uri(server, "tlsAllowInvalidHostnames=true"));
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
    }

    [Fact]
    public async Task ARevokedServerCertificateIsCertificateRevokedWithTlsCRLFile()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsCertificateKeyFile", _pki.RevokedServer);
        var error = await Refused(server, $"tlsCRLFile={_pki.CrlFile}");
        Assert.Equal(ConnectionFailureKind.CertificateRevoked, error.Kind);
        Assert.Equal(ConnectionStep.Revocation, error.Step);
        Assert.Contains("certificate revoked", error.Cause, StringComparison.Ordinal);
        Assert.Contains(_pki.CrlFile, error.Cause, StringComparison.Ordinal);

        // Without the CRL nothing tells the client, as with any driver.
        await using var connection = await TesseraConnection.OpenAsync(Uri(server, ""));
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
    }

    [Fact]
    public async Task AnExpiredCrlIsARevocationCheckFailureAsInOpenSsl()
    {
        await using var server = await ServeProcess.StartAsync(_pki);
        var error = await Refused(server, $"tlsCRLFile={_pki.ExpiredCrlFile}");
        Assert.Equal(ConnectionFailureKind.RevocationCheckFailed, error.Kind);
        Assert.Contains("CRL has expired", error.Cause, StringComparison.Ordinal);
        Assert.Contains("fresh CRL", error.Fix, StringComparison.Ordinal);

        // A CRL file without the issuer's CRL cannot vouch for the certificate either (OpenSSL: unable to get certificate CRL).
        var missing = await Refused(server, $"tlsCRLFile={_pki.ForeignCrlFile}");
        Assert.Equal(ConnectionFailureKind.RevocationCheckFailed, missing.Kind);
        Assert.Contains("unable to get certificate CRL", missing.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerWithoutTls12Or13IsAProtocolVersionFailure()
    {
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsDisabledProtocols", "TLS1_2,TLS1_3");
        var error = await Refused(server, "");
        Assert.Equal(ConnectionFailureKind.ProtocolVersion, error.Kind);
        Assert.Contains("TLS 1.2", error.Cause, StringComparison.Ordinal);
        Assert.Contains("disabledProtocols", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsToAServerWithoutTlsSaysTheServerDoesNotUseTls()
    {
        await using var server = await ServeProcess.StartWithoutTlsAsync(_pki.Directory);
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() =>
            TesseraConnection.OpenAsync($"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}"));
        Assert.Equal(ConnectionFailureKind.HandshakeFailed, error.Kind);
        Assert.Contains("does not use TLS on this port", error.Cause, StringComparison.Ordinal);
        Assert.Contains("remove tls=true", error.Fix, StringComparison.Ordinal);

        await using var plain = await TesseraConnection.OpenAsync($"mongodb://localhost:{server.Port}/");
        Assert.Null(plain.TlsProtocol);
    }

    [Fact]
    public async Task OverTls12ARefusedClientCertificateIsClientCertificateRejectedToo()
    {
        // Under TLS 1.2 Tessera's alert ends the handshake itself (under TLS 1.3 it comes with the first reply).
        await using var server = await ServeProcess.StartAsync(_pki, "--tlsDisabledProtocols", "TLS1_0,TLS1_1,TLS1_3");
        var uri = $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.ForeignClient}";
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => TesseraConnection.OpenAsync(uri));
        Assert.Equal(ConnectionFailureKind.ClientCertificateRejected, error.Kind);
        Assert.Equal(ConnectionStep.TlsHandshake, error.Step);
        Assert.Contains("does not trust the CA that issued the client certificate", error.Cause, StringComparison.Ordinal);
        Assert.Contains("alert unknown ca", error.Cause, StringComparison.Ordinal);

        await using var good = await TesseraConnection.OpenAsync(Uri(server, ""));
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12, good.TlsProtocol);
    }

    [Fact]
    public async Task NothingListeningIsConnectionRefused()
    {
        var port = FreePort();
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() =>
            TesseraConnection.OpenAsync($"mongodb://127.0.0.1:{port}/?tls=true&tlsCAFile={_pki.CaFile}"));
        Assert.Equal(ConnectionFailureKind.ConnectionRefused, error.Kind);
        Assert.Equal(ConnectionStep.Tcp, error.Step);
        Assert.Contains($"nothing is listening on 127.0.0.1:{port}", error.Cause, StringComparison.Ordinal);
        Assert.Contains("port", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownHostIsHostNotFound()
    {
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => TesseraConnection.OpenAsync("mongodb://no-such-host.invalid/?connectTimeoutMS=5000"));
        Assert.Equal(ConnectionFailureKind.HostNotFound, error.Kind);
        Assert.Contains("no-such-host.invalid", error.Cause, StringComparison.Ordinal);
    }

    // tlsCRLFile and OCSP are never used together: a test of the CRL turns OCSP off, as a program must.
    private async Task<ConnectionFailedException> Refused(ServeProcess server, string options) =>
        await Assert.ThrowsAsync<ConnectionFailedException>(() => options.Contains("tlsCRLFile", StringComparison.Ordinal)
            ? TesseraConnection.OpenAsync(ConnectionString.Parse(Uri(server, options)), new ConnectionOptions { TlsOptions = new TlsOptions { Ocsp = false } })
            : TesseraConnection.OpenAsync(Uri(server, options)));

    private string Uri(ServeProcess server, string options) =>
        $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509"
        + (options.Length > 0 ? "&" + options : "");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
