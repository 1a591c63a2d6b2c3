using System.Security.Authentication;
using MongoDB.Driver;
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
        var check = new ServerCertificateCheck(tls, hosts);
        var ssl = new SslSettings
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,

            // Revocation comes from tlsCRLFile, checked offline by the callback; the driver's own check would go online.
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = check.Validate,
        };
        if (tls.CertificateKeyFile is not null)
        {
            ssl.ClientCertificates = [CertificateKeyFile.Load(tls.CertificateKeyFile, tls.CertificateKeyFilePassword).Certificate];
        }

        return ssl;
    }
}
