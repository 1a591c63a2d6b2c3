namespace Tessera.Cli.Serve;

/// <summary>The ready-to-paste connection commands `serve --dev` prints for mongosh, PyMongo and C#.</summary>
internal static class DevBanner
{
    public static void Write(TextWriter output, DevEnvironment dev, int port)
    {
        var uri = $"mongodb://localhost:{port}/?tls=true&authMechanism=MONGODB-X509";
        output.WriteLine($$"""

            Tessera is running on localhost:{{port}} with requireTLS and X.509 authentication.
            Development PKI: {{dev.Directory}}/pki (CA {{dev.CaFile}})
            You are {{dev.ClientUser}} in $external, with role root.

            mongosh:
              mongosh "{{uri}}" --tlsCAFile {{dev.CaFile}} --tlsCertificateKeyFile {{dev.ClientFile}}

            PyMongo:
              from pymongo import MongoClient
              client = MongoClient("localhost", {{port}}, tls=True, tlsCAFile="{{dev.CaFile}}",
                                   tlsCertificateKeyFile="{{dev.ClientFile}}", authMechanism="MONGODB-X509")

            C# (MongoDB.Driver):
              var settings = MongoClientSettings.FromConnectionString("{{uri}}");
              var ca = X509CertificateLoader.LoadCertificateFromFile("{{dev.CaFile}}");
              settings.SslSettings = new SslSettings
              {
                  ClientCertificates = [X509Certificate2.CreateFromPemFile("{{dev.ClientFile}}")],
                  ServerCertificateValidationCallback = (_, cert, chain, errors) =>
                  {
                      if (cert is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                      chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                      chain.ChainPolicy.CustomTrustStore.Add(ca);
                      chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // the dev CA publishes no CRL
                      return chain.Build(X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));
                  },
              };
              settings.Credential = MongoCredential.CreateMongoX509Credential();
              var client = new MongoClient(settings);

            Stop with Ctrl+C.
            """);
    }
}
