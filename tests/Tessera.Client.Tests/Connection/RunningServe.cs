using Tessera.Testing;

namespace Tessera.Client.Tests.Connection;

/// <summary>One `tessera serve --dev` process with the good server certificate, shared by a test class.</summary>
public sealed class RunningServe : IAsyncLifetime
{
    public TestPki Pki { get; } = new();

    public ServeProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServeProcess.StartAsync(Pki);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Pki.Dispose();
    }

    /// <summary>A URI to this server with TLS, the test CA, and the given options.</summary>
    public string Uri(string options, string host = "localhost", string userInfo = "") =>
        $"mongodb://{userInfo}{host}:{Server.Port}/?tls=true&tlsCAFile={Pki.CaFile}&connectTimeoutMS=10000{(options.Length > 0 ? "&" + options : "")}";
}
