using MongoDB.Bson;
using Tessera.Client.Connection;
using Tessera.Testing;

namespace Tessera.Client.Tests.Connection;

/// <summary>
/// TesseraConnection against a real `tessera serve` process: MONGODB-X509 inside hello and by authenticate, the user
/// name in the URI or not, the key formats of tlsCertificateKeyFile, and server errors with their code and codeName.
/// </summary>
public sealed class X509LoginTests : IClassFixture<RunningServe>
{
    private readonly RunningServe _serve;

    public X509LoginTests(RunningServe serve) => _serve = serve;

    private TestPki Pki => _serve.Pki;

    [Fact]
    public async Task WithoutAUserNameTheServerTakesTheSubjectFromTheCertificateInsideHello()
    {
        await using var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509"));
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
        Assert.True(connection.AuthenticatedSpeculatively);
        Assert.Equal(TestPki.AliceName, await AuthenticatedUser(connection));
    }

    [Fact]
    public async Task WithoutSpeculationTheLoginIsAnAuthenticateCommandOnExternal()
    {
        var uri = ConnectionString.Parse(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509"));
        await using var connection = await TesseraConnection.OpenAsync(uri, new ConnectionOptions { SpeculativeAuthentication = false });
        Assert.False(connection.AuthenticatedSpeculatively);
        Assert.False(connection.Hello.Contains("speculativeAuthenticate"));
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
        Assert.Equal(TestPki.AliceName, await AuthenticatedUser(connection));
    }

    [Fact]
    public async Task TlsOptionsGivenInCodeReplaceTheUrisAsPyMongosKeywordArgumentsDo()
    {
        var uri = ConnectionString.Parse($"mongodb://localhost:{_serve.Server.Port}/?tlsCAFile=/nowhere/ca.pem&authMechanism=MONGODB-X509");
        var tls = new TlsOptions { Tls = true, TlsCAFile = Pki.CaFile, TlsCertificateKeyFile = Pki.Alice };
        await using var connection = await TesseraConnection.OpenAsync(uri, new ConnectionOptions { TlsOptions = tls });
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);

        // The conflict rules see the merged options: tlsInsecure in the URI and tlsAllowInvalidCertificates in code.
        var insecure = ConnectionString.Parse($"mongodb://localhost:{_serve.Server.Port}/?tlsInsecure=true");
        var error = await Assert.ThrowsAsync<InvalidUriException>(() =>
            TesseraConnection.OpenAsync(insecure, new ConnectionOptions { TlsOptions = new TlsOptions { TlsAllowInvalidCertificates = false } }));
        Assert.Contains("tlsInsecure and tlsAllowInvalidCertificates cannot be specified simultaneously", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEscapedSubjectInTheUriLogsIn()
    {
        var user = Uri.EscapeDataString(TestPki.AliceName) + "@";
        await using var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509", userInfo: user));
        Assert.Equal(TestPki.AliceName, await AuthenticatedUser(connection));
    }

    [Fact]
    public async Task AUserNameThatIsNotTheSubjectIsServerError18WithTheSubjectInTheFix()
    {
        var uri = _serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509", userInfo: "CN%3Dnot%20alice@");
        var error = await Assert.ThrowsAsync<ServerCommandException>(() => TesseraConnection.OpenAsync(uri));
        Assert.Equal("authenticate", error.CommandName);
        Assert.Equal(18, error.Code);
        Assert.Equal("AuthenticationFailed", error.CodeName);
        Assert.Equal("Authentication failed.", error.ErrorMessage);
        Assert.Contains("'CN=not alice'", error.Fix, StringComparison.Ordinal);
        Assert.Contains($"'{TestPki.AliceName}'", error.Fix, StringComparison.Ordinal);
        Assert.Contains("server error 18 (AuthenticationFailed)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("traditional")]
    public async Task AnEncryptedKeyIsDecryptedWithTlsCertificateKeyFilePassword(string format)
    {
        var file = format == "pkcs8" ? Pki.AliceEncrypted : Pki.AliceTraditional;
        Assert.Contains(format == "pkcs8" ? "BEGIN ENCRYPTED PRIVATE KEY" : "Proc-Type: 4,ENCRYPTED", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        var uri = _serve.Uri($"tlsCertificateKeyFile={file}&tlsCertificateKeyFilePassword={TestPki.Password}&authMechanism=MONGODB-X509");
        await using var connection = await TesseraConnection.OpenAsync(uri);
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
    }

    [Fact]
    public async Task TheClientSendsTheIntermediatesOfItsFile()
    {
        // The server trusts only the root: carol's chain reaches it only through the intermediate carol's file carries.
        await using (var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.ChainedClient}")))
        {
            Assert.Equal(1.0, (await connection.RunCommandAsync("admin", new BsonDocument("ping", 1)))["ok"].ToDouble());
        }

        // dave has the same issuer but no intermediate in his file: the server refuses him.
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.ChainedClientWithoutIntermediate}")));
        Assert.Equal(ConnectionFailureKind.ClientCertificateRejected, error.Kind);
    }

    [Fact]
    public async Task ServerErrorsCarryCodeCodeNameAndErrmsg()
    {
        await using var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509"));
        var error = await Assert.ThrowsAsync<ServerCommandException>(() => connection.RunCommandAsync("admin", new BsonDocument("noSuchCommand", 1)));
        Assert.Equal(59, error.Code);
        Assert.Equal("CommandNotFound", error.CodeName);
        Assert.Contains("noSuchCommand", error.ErrorMessage, StringComparison.Ordinal);

        // The connection stays usable after an error reply.
        Assert.Equal(1.0, (await connection.RunCommandAsync("admin", new BsonDocument("ping", 1)))["ok"].ToDouble());
    }

    [Fact]
    public async Task WithoutLoginAnAuthorizedCommandIsRefusedWithCode13()
    {
        await using var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}"));
        Assert.Null(connection.AuthenticatedUser);
        var error = await Assert.ThrowsAsync<ServerCommandException>(() => connection.RunCommandAsync("admin", new BsonDocument("usersInfo", 1)));
        Assert.Equal(13, error.Code);
        Assert.Equal("Unauthorized", error.CodeName);
    }

    [Fact]
    public async Task AnIpAddressInTheSanPassesTheHostNameCheck()
    {
        await using var connection = await TesseraConnection.OpenAsync(_serve.Uri($"tlsCertificateKeyFile={Pki.Alice}&authMechanism=MONGODB-X509", host: "127.0.0.1"));
        Assert.Equal(TestPki.AliceName, connection.AuthenticatedUser);
        Assert.True(connection.TlsProtocol >= System.Security.Authentication.SslProtocols.Tls12);
    }

    [Fact]
    public async Task MongodbX509WithoutAClientCertificateIsAConfigurationError()
    {
        var error = await Assert.ThrowsAsync<ClientConfigurationException>(() => TesseraConnection.OpenAsync(_serve.Uri("authMechanism=MONGODB-X509")));
        Assert.Contains("tlsCertificateKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientCertificateOfAnotherCaIsRefusedByTheServer()
    {
        var uri = _serve.Uri($"tlsCertificateKeyFile={Pki.ForeignClient}&authMechanism=MONGODB-X509");
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => TesseraConnection.OpenAsync(uri));
        Assert.Equal(ConnectionFailureKind.ClientCertificateRejected, error.Kind);
        Assert.Contains(Pki.ForeignClient, error.Message, StringComparison.Ordinal);
        Assert.Contains("CN=mallory", error.Message, StringComparison.Ordinal);
        Assert.Contains("23256", error.Fix, StringComparison.Ordinal);
        Assert.Contains("the server does not trust the CA that issued the client certificate", error.Cause, StringComparison.Ordinal);
        Assert.Contains("(TLS alert unknown ca)", error.Cause, StringComparison.Ordinal);

        // The log line the fix points to is there, with the reason.
        Assert.NotNull(await _serve.Server.WaitForLogAsync(23256, "CN=mallory"));
    }

    [Fact]
    public async Task PlainTextToARequireTlsServerIsAClosedConnectionThatSuggestsTls()
    {
        var uri = $"mongodb://localhost:{_serve.Server.Port}/?connectTimeoutMS=10000";
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => TesseraConnection.OpenAsync(uri));
        Assert.Equal(ConnectionFailureKind.ConnectionClosed, error.Kind);
        Assert.Equal(ConnectionStep.Hello, error.Step);
        Assert.Contains("tls=true", error.Fix, StringComparison.Ordinal);
    }

    private static async Task<string> AuthenticatedUser(TesseraConnection connection)
    {
        var status = await connection.RunCommandAsync("admin", new BsonDocument("connectionStatus", 1));
        return status["authInfo"]["authenticatedUsers"][0]["user"].AsString;
    }
}
