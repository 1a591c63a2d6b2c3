using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Tessera.Cli.Tests.Serve;

/// <summary>The README's run command, `tessera serve --dev`, as a user runs it: a process, a PKI, a login.</summary>
public sealed class ServeDevTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_dev_starts_with_tls_and_x509_and_the_printed_client_logs_in_as_root()
    {
        using var server = Start("serve", "--dev", "dev", "--port", "0");
        try
        {
            var port = await WaitForPort(server);
            var pki = _folder["dev/pki"];
            var status = await ConnectionStatus(port, Path.Combine(pki, "ca.pem"), Path.Combine(pki, "clients/dev.pem"));
            Assert.Equal("CN=dev,OU=Clients,O=Tessera Dev", status["authenticatedUsers"][0]["user"].AsString);
            Assert.Equal("root", status["authenticatedUserRoles"][0]["role"].AsString);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }

        var banner = await server.StandardError.ReadToEndAsync();
        Assert.Contains("mongosh \"mongodb://localhost:", banner, StringComparison.Ordinal);
        Assert.Contains("tlsCertificateKeyFile=", banner, StringComparison.Ordinal);
        Assert.Contains("MongoCredential.CreateMongoX509Credential()", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_error_names_the_setting_and_stops()
    {
        using var server = Start("serve", "--tlsMode", "requireTLS");
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("need tlsCertificateKeyFile or certificateSelector when TLS is enabled", await server.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_passes_the_ocsp_parameters_through_to_the_server()
    {
        using var server = Start("serve", "--dev", "dev", "--port", "0", "--setParameter", "ocspEnabled=false", "--setParameter", "ocspStaplingRefreshPeriodSecs=60");
        try
        {
            var port = await WaitForPort(server);
            var pki = _folder["dev/pki"];
            var options = await RunCommand(port, Path.Combine(pki, "ca.pem"), Path.Combine(pki, "clients/dev.pem"), new BsonDocument("getCmdLineOpts", 1));
            Assert.Equal(new BsonDocument { { "ocspEnabled", false }, { "ocspStaplingRefreshPeriodSecs", 60 } }, options["parsed"]["setParameter"]);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task An_ocsp_parameter_out_of_bounds_is_refused()
    {
        using var server = Start("serve", "--setParameter", "ocspStaplingRefreshPeriodSecs=0");
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("ocspStaplingRefreshPeriodSecs", await server.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tessera.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    // The server logs mongod's "Waiting for connections" line (id 23016) with the port it listens on.
    private static async Task<int> WaitForPort(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            using var entry = JsonDocument.Parse(line);
            if (entry.RootElement.GetProperty("id").GetInt32() == 23016)
            {
                return entry.RootElement.GetProperty("attr").GetProperty("port").GetInt32();
            }
        }

        throw new InvalidOperationException("the server ended before listening");
    }

    private static async Task<BsonDocument> ConnectionStatus(int port, string caFile, string clientFile) =>
        (await RunCommand(port, caFile, clientFile, new BsonDocument("connectionStatus", 1)))["authInfo"].AsBsonDocument;

    private static async Task<BsonDocument> RunCommand(int port, string caFile, string clientFile, BsonDocument command)
    {
        var settings = MongoClientSettings.FromConnectionString($"mongodb://localhost:{port}/?tls=true&authMechanism=MONGODB-X509&serverSelectionTimeoutMS=5000");
        var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        settings.SslSettings = new SslSettings
        {
            ClientCertificates = [X509Certificate2.CreateFromPemFile(clientFile)],
            ServerCertificateValidationCallback = (_, cert, chain, errors) =>
            {
                if (cert is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.Add(ca);
                custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return custom.Build(X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));
            },
        };
        return await new MongoClient(settings).GetDatabase("admin").RunCommandAsync<BsonDocument>(command);
    }
}
