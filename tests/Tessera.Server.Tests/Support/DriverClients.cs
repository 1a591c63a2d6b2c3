using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;
using Tessera.Security.Files;

namespace Tessera.Server.Tests.Support;

/// <summary>The official MongoDB.Driver, set up as a .NET user would for X.509 over TLS with a private CA.</summary>
public static class DriverClients
{
    public static MongoClient Create(string host, int port, string? certificateFile, string? user, bool x509, int timeoutMs, string caFile, bool allowInvalidHostnames = false)
    {
        var settings = MongoClientSettings.FromConnectionString($"mongodb://{host}:{port}/?tls=true&serverSelectionTimeoutMS={timeoutMs}&connectTimeoutMS={timeoutMs}");
        var ca = CertificateAuthorityFile.Load(caFile);
        settings.SslSettings = new SslSettings
        {
            ClientCertificates = certificateFile is null ? [] : [CertificateKeyFile.Load(certificateFile, null).Certificate],
            ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                var tolerated = SslPolicyErrors.RemoteCertificateChainErrors | (allowInvalidHostnames ? SslPolicyErrors.RemoteCertificateNameMismatch : 0);
                if (certificate is null || (errors & ~tolerated) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            },
        };
        if (x509)
        {
            settings.Credential = MongoCredential.CreateMongoX509Credential(user);
        }

        // A distinct application name gives each client its own cluster: the driver reuses clusters with equal settings.
        settings.ApplicationName = "tessera-test-" + Guid.NewGuid().ToString("N")[..8];
        return new MongoClient(settings);
    }
}
