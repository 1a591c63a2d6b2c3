using Tessera.Server.Configuration;

namespace Tessera.Server.Tests.Configuration;

/// <summary>Short ways for tests to parse arguments and catch the refusal.</summary>
internal static class Parsing
{
    public static ServerOptions Parse(params string[] args) => ServerOptionsParser.Parse(args);

    public static ServerConfigurationException Refusal(params string[] args) =>
        Assert.Throws<ServerConfigurationException>(() => ServerOptionsParser.Parse(args));

    /// <summary>A TLS set-up that passes every check, to which a test adds the one setting it is about.</summary>
    public static string[] WithTls(params string[] args) =>
        ["--tlsMode", "requireTLS", "--tlsCertificateKeyFile", "server.pem", "--tlsCAFile", "ca.pem", .. args];
}
