using System.Net.Security;
using System.Security.Authentication;
using MongoDB.Driver;
using Tessera.Client.Tls;
using Tessera.Security.Files;

namespace Tessera.Client.Driver;

/// <summary>
/// MongoDB.Driver settings from a connection string, with the TLS options the driver silently ignores
/// (tlsCAFile, tlsCertificateKeyFile, tlsCertificateKeyFilePassword, tlsAllowInvalidCertificates,
/// tlsAllowInvalidHostnames, tlsCRLFile) honoured through <see cref="SslSettings"/>.
/// </summary>
public static class DriverSettings
{
    /// <summary>
    /// Parses <paramref name="uri"/> with Tessera's rules (<see cref="ConnectionString.Parse"/>), hands MongoDB.Driver
    /// the parts it understands, and sets <see cref="MongoClientSettings.SslSettings"/> (client certificate, server
    /// certificate check, TLS 1.2+) and, for MONGODB-X509, <see cref="MongoClientSettings.Credential"/>.
    /// </summary>
    /// <exception cref="InvalidUriException">The URI is malformed.</exception>
    /// <exception cref="ClientConfigurationException">The options break a rule.</exception>
    /// <exception cref="CertificateFileException">A TLS file cannot be used; the message names the option and the fix.</exception>
    public static MongoClientSettings FromConnectionString(string uri)
    {
        var parsed = ConnectionString.Parse(uri);
        var tls = parsed.TlsSettings;
        var settings = MongoClientSettings.FromConnectionString(DriverUri.For(uri, tls.Enabled));
        if (tls.Enabled)
        {
            settings.SslSettings = SslFor(tls, parsed);
        }

        if (ClientCredential.FromConnectionString(parsed) is { Mechanism: AuthMechanisms.X509 } x509)
        {
            settings.Credential = MongoCredential.CreateMongoX509Credential(x509.UserName);
        }

        return settings;
    }

    private static SslSettings SslFor(TlsSettings tls, ConnectionString parsed)
    {
        var hosts = parsed.Hosts.Where(h => h.Kind != HostKind.UnixSocket).Select(h => h.Host).ToArray();
        var check = new ServerCertificateCheck(tls);
        var ssl = new SslSettings
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,

            // Revocation comes from tlsCRLFile, checked offline by the callback; the driver's own check would go online.
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                // The host is the SslStream's target host (MongoDB.Driver 3.x sets it per seed); failing that, any seed
                // may match, which is weaker when a seed list names several.
                IReadOnlyList<string> targets = sender is SslStream { TargetHostName.Length: > 0 } stream ? [stream.TargetHostName] : hosts;
                var failure = check.Evaluate(targets, certificate, chain, errors).Failure;

                // The driver keeps the exception's message in its server-selection error: that is where the user reads it.
                return failure is null ? true : throw new AuthenticationException($"Tessera.Client refused the server's TLS certificate: {failure.Describe()}.");
            },
        };
        if (ClientCertificate.Load(tls) is { } certificate)
        {
            ssl.ClientCertificates = [certificate.Certificate];
        }

        return ssl;
    }
}
