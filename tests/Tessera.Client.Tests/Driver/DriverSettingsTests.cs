using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Client.Driver;
using Tessera.Security.Files;
using Tessera.Testing;

namespace Tessera.Client.Tests.Driver;

/// <summary>
/// MongoDB.Driver against a real Tessera server in process, configured only by a URI through
/// <see cref="DriverSettings.FromConnectionString"/>: the TLS options the driver alone ignores take effect, and the
/// system trust store is never touched (the test CA is in no store; only tlsCAFile makes it trusted).
/// </summary>
public sealed class DriverSettingsTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public DriverSettingsTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task TlsCAFileAndClientCertificateFromTheUriAloneAuthenticateAlice()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var user = await ConnectedUser(Uri(server, "localhost", $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}"));
        Assert.Equal(TestPki.AliceName, user);
    }

    [Fact]
    public async Task WithoutTlsCAFileTheSystemStoreDoesNotTrustThePrivateCA()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(Uri(server, "localhost", $"tlsCertificateKeyFile={_pki.Alice}")));
        Assert.Contains("system trust store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostNameNotInTheCertificateFailsUnlessTlsAllowInvalidHostnames()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.OtherNameServer);
        var options = $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}";
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(Uri(server, "localhost", options)));
        Assert.Contains("hostname mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("db.example.test", error.Message, StringComparison.Ordinal);
        Assert.Contains("fix: connect by a name the certificate lists", error.Message, StringComparison.Ordinal);

        Assert.Equal(TestPki.AliceName, await ConnectedUser(Uri(server, "localhost", options + "&tlsAllowInvalidHostnames=true")));
    }

    [Fact]
    public async Task WithSeveralSeedsEachConnectionIsCheckedAgainstItsOwnHost()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.OtherNameServer);
        var uri = $"mongodb://localhost:{server.Port},127.0.0.1:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}"
            + $"&authMechanism=MONGODB-X509&serverSelectionTimeoutMS=2500&connectTimeoutMS=2500&appName=driver-test-{Guid.NewGuid():N}";
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(uri));

        // The host comes from the driver's SslStream (its TargetHostName), not "any of the seeds".
        Assert.Contains("not localhost;", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 127.0.0.1;", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" or 127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectingByAnAddressInTheSanPasses()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        Assert.Equal(TestPki.AliceName, await ConnectedUser(Uri(server, "127.0.0.1", $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}")));
    }

    [Fact]
    public async Task AForeignServerCertificateFailsUnlessTlsAllowInvalidCertificates()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ForeignServer);
        var options = $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}";
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(Uri(server, "localhost", options)));
        Assert.Contains("unable to get local issuer certificate", error.Message, StringComparison.Ordinal);

        Assert.Equal(TestPki.AliceName, await ConnectedUser(Uri(server, "localhost", options + "&tlsAllowInvalidCertificates=true")));
    }

    [Fact]
    public async Task AnEncryptedKeyLoadsWithTheRightPassword()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var uri = Uri(server, "localhost", $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.AliceEncrypted}&tlsCertificateKeyFilePassword={TestPki.Password}");
        Assert.Equal(TestPki.AliceName, await ConnectedUser(uri));
    }

    [Fact]
    public void AWrongPasswordIsACertificateKeyFileErrorNamingThePasswordOption()
    {
        var uri = $"mongodb://localhost:1/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.AliceEncrypted}&tlsCertificateKeyFilePassword=wrong&authMechanism=MONGODB-X509";
        var error = Assert.Throws<CertificateFileException>(() => DriverSettings.FromConnectionString(uri));
        Assert.Contains("tlsCertificateKeyFilePassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedServerCertificateFailsWithTlsCRLFile()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.RevokedServer);
        var options = $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}";
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(Uri(server, "localhost", options + $"&tlsCRLFile={_pki.CrlFile}"), CrlInsteadOfOcsp));
        Assert.Contains("certificate revoked", error.Message, StringComparison.Ordinal);

        // Without the CRL file nothing tells the client, as with any driver.
        Assert.Equal(TestPki.AliceName, await ConnectedUser(Uri(server, "localhost", options)));
    }

    [Fact]
    public async Task AGoodServerCertificatePassesTheCrlCheck()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var uri = Uri(server, "localhost", $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&tlsCRLFile={_pki.CrlFile}");
        Assert.Equal(TestPki.AliceName, await ConnectedUser(uri, CrlInsteadOfOcsp));

        // Left on, OCSP and the CRL would both be asked: refused up front, with PyMongo's words and the fix.
        var error = Assert.Throws<ClientConfigurationException>(() => DriverSettings.FromConnectionString(uri));
        Assert.Contains("certificate revocation lists and OCSP cannot be used together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredCrlFails()
    {
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var uri = Uri(server, "localhost", $"tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&tlsCRLFile={_pki.ExpiredCrlFile}");
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(uri, CrlInsteadOfOcsp));
        Assert.Contains("CRL has expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MongoDbDriverSendsTheClientIntermediatesThroughTesserasTls()
    {
        // SslSettings.ClientCertificates takes certificates, not a chain; Tessera's TLS under the driver sends carol's
        // intermediate after her certificate, so the server, which trusts only the root, admits her certificate and
        // reads her name from it (she has no user here: the login itself is refused).
        await using var server = await DriverTestServer.StartAsync(_pki, _pki.ServerFile);
        var uri = $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.ChainedClient}&authMechanism=MONGODB-X509"
            + $"&serverSelectionTimeoutMS=2500&connectTimeoutMS=2500&appName=driver-test-{Guid.NewGuid():N}";
        var refused = await Assert.ThrowsAsync<MongoAuthenticationException>(() => ConnectedUser(uri));
        Assert.Contains("Could not find user \"CN=carol,OU=Clients,O=Acme\"", refused.InnerException!.Message, StringComparison.Ordinal);

        // Without the intermediate in the file the server cannot build her chain.
        await Assert.ThrowsAsync<TimeoutException>(() => ConnectedUser(uri.Replace(_pki.ChainedClient, _pki.ChainedClientWithoutIntermediate, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheDriverSeesOnlyTheOptionsItUnderstands()
    {
        var uri = $"mongodb://localhost:27017/test?tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&tlsAllowInvalidHostnames=true&authMechanism=MONGODB-X509&appName=x";
        var settings = DriverSettings.FromConnectionString(uri);

        // The driver's own TLS stays off: Tessera's wraps its TCP streams (through the cluster configurator).
        Assert.False(settings.UseTls);
        Assert.NotNull(settings.ClusterConfigurator);
        Assert.Equal("MONGODB-X509", settings.Credential.Mechanism);
        Assert.Equal("x", settings.ApplicationName);
        Assert.Empty(new MongoDB.Driver.Core.Configuration.ConnectionString(DriverUri.For(uri, tlsEnabled: false)).AllUnknownOptionNames);
    }

    private static string Uri(DriverTestServer server, string host, string options) =>
        $"mongodb://{host}:{server.Port}/?tls=true&{options}&authMechanism=MONGODB-X509&serverSelectionTimeoutMS=2500&connectTimeoutMS=2500"
        + $"&appName=driver-test-{Guid.NewGuid():N}";

    private static readonly TlsOptions CrlInsteadOfOcsp = new() { Ocsp = false };

    private static async Task<string> ConnectedUser(string uri, TlsOptions? tls = null)
    {
        using var client = new MongoClient(DriverSettings.FromConnectionString(uri, tls));
        var status = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("connectionStatus", 1));
        return status["authInfo"]["authenticatedUsers"][0]["user"].AsString;
    }
}
