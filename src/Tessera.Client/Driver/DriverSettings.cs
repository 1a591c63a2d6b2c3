using MongoDB.Driver;
using Tessera.Client.Tls;
using Tessera.Security.Files;
using Tessera.Tls.Client;

namespace Tessera.Client.Driver;

/// <summary>
/// MongoDB.Driver settings from a connection string, with the TLS options the driver silently ignores
/// (tlsCAFile, tlsCertificateKeyFile, tlsCertificateKeyFilePassword, tlsAllowInvalidCertificates,
/// tlsAllowInvalidHostnames, tlsCRLFile, tlsDisableOCSPEndpointCheck) honoured, and OCSP checked: the driver's TCP
/// streams are wrapped in Tessera's own TLS (<see cref="TlsStreamFactory"/>, on OpenSSL), because SslStream shows a
/// client no stapled OCSP response. The driver itself is told tls=false.
/// </summary>
public static class DriverSettings
{
    /// <summary>
    /// Parses <paramref name="uri"/> with Tessera's rules (<see cref="ConnectionString.Parse"/>), hands MongoDB.Driver
    /// the parts it understands, makes every connection's TLS Tessera's (client certificate, server certificate check,
    /// OCSP, TLS 1.2+) and, for MONGODB-X509, sets <see cref="MongoClientSettings.Credential"/>.
    /// </summary>
    /// <param name="uri">The connection string.</param>
    /// <param name="tlsOptions">TLS options given in code, each replacing the URI's (PyMongo's keyword arguments), e.g. <c>new TlsOptions { Ocsp = false }</c>.</param>
    /// <exception cref="InvalidUriException">The URI is malformed.</exception>
    /// <exception cref="ClientConfigurationException">The options break a rule (e.g. tlsCRLFile with OCSP).</exception>
    /// <exception cref="CertificateFileException">A TLS file cannot be used; the message names the option and the fix.</exception>
    public static MongoClientSettings FromConnectionString(string uri, TlsOptions? tlsOptions = null)
    {
        var parsed = ConnectionString.Parse(uri);
        var tls = tlsOptions is null ? parsed.TlsSettings : parsed.Tls.OverriddenBy(tlsOptions).Resolve();
        var settings = MongoClientSettings.FromConnectionString(DriverUri.For(uri, tlsEnabled: false));
        if (tls.Enabled)
        {
            var check = new ServerCertificateCheck(tls);
            var clientCertificate = ClientCertificate.Load(tls);
            var context = new ClientTlsContext(clientCertificate); // lives as long as the settings' clients
            var handshakeTimeout = settings.ConnectTimeout;
            var register = StreamFactoryHook.Find();
            settings.ClusterConfigurator = builder => register(builder, tcp => new TlsStreamFactory(tcp, check, context, handshakeTimeout));
        }

        if (ClientCredential.FromConnectionString(parsed) is { Mechanism: AuthMechanisms.X509 } x509)
        {
            settings.Credential = MongoCredential.CreateMongoX509Credential(x509.UserName);
        }

        return settings;
    }
}
