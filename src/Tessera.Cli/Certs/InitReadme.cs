using System.Text;
using Tessera.Security.Issuing;

namespace Tessera.Cli.Certs;

/// <summary>The README written beside a new PKI: which file goes in which mongod, Tessera and driver option.</summary>
internal static class InitReadme
{
    public static string Render(DeploymentPki pki)
    {
        var member = pki.Members[0];
        var host = member.Hosts[0];
        var client = pki.Clients.FirstOrDefault();
        var ca = Relative(pki, pki.CaCertificatePath);
        var memberFile = Relative(pki, member.Path);
        var text = new StringBuilder();
        text.AppendLine("# Deployment PKI made by `tessera certs init`");
        text.AppendLine();
        text.AppendLine("| file | what it is | where it goes |");
        text.AppendLine("|---|---|---|");
        text.AppendLine($"| `{ca}` | the CA certificate | `--tlsCAFile` of every server (mongod or `tessera serve`), `tlsCAFile` of every client |");
        text.AppendLine($"| `{Relative(pki, pki.CaKeyPath)}` | the CA's private key | nowhere: keep it offline; `tessera certs issue --ca {ca}` uses it to issue more certificates |");
        foreach (var m in pki.Members)
        {
            text.AppendLine($"| `{Relative(pki, m.Path)}` | member certificate and key of {string.Join(", ", m.Hosts)} (`{m.Subject}`) | `--tlsCertificateKeyFile` (and `--tlsClusterFile`) of the server on that host |");
        }

        foreach (var c in pki.Clients)
        {
            text.AppendLine($"| `{Relative(pki, c.Path)}` | client certificate and key of {c.Name} | `tlsCertificateKeyFile` of that client |");
        }

        text.AppendLine();
        text.AppendLine("Every member shares `OU=" + DeploymentPki.MemberUnit + "`: that makes them cluster members of each other. Clients have `OU=" + DeploymentPki.ClientUnit + "`,");
        text.AppendLine("so no client certificate is ever taken for a member. Key files are readable by their owner only (mode 0600).");
        text.AppendLine();
        text.AppendLine("## Server");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine($"mongod --tlsMode requireTLS --tlsCertificateKeyFile {memberFile} --tlsCAFile {ca} --auth --clusterAuthMode x509 ...");
        text.AppendLine($"tessera serve --tlsMode requireTLS --tlsCertificateKeyFile {memberFile} --tlsCAFile {ca} --auth");
        text.AppendLine("```");
        if (client is null)
        {
            return text.ToString();
        }

        var clientFile = Relative(pki, client.Path);
        var user = client.Subject.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        text.AppendLine();
        text.AppendLine("## Users");
        text.AppendLine();
        text.AppendLine("A client certificate logs in as the `$external` user named exactly by its subject:");
        text.AppendLine();
        foreach (var c in pki.Clients)
        {
            text.AppendLine($"- {c.Name}: `{c.Subject}`");
        }

        text.AppendLine();
        text.AppendLine("Create it once (mongosh, connected with a user allowed to create users):");
        text.AppendLine();
        text.AppendLine("```javascript");
        text.AppendLine($"db.getSiblingDB(\"$external\").runCommand({{createUser: \"{user}\", roles: [{{role: \"readWrite\", db: \"test\"}}]}})");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("## Clients");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine($"mongosh \"mongodb://{host}:27017/?tls=true&authMechanism=MONGODB-X509\" --tlsCAFile {ca} --tlsCertificateKeyFile {clientFile}");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("```python");
        text.AppendLine("from pymongo import MongoClient");
        text.AppendLine($"client = MongoClient(\"{host}\", 27017, tls=True, tlsCAFile=\"{ca}\",");
        text.AppendLine($"                     tlsCertificateKeyFile=\"{clientFile}\", authMechanism=\"MONGODB-X509\")");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("```csharp");
        text.AppendLine("// MongoDB.Driver: the connection string alone ignores tlsCAFile and tlsCertificateKeyFile, so give them in code.");
        text.AppendLine($"var settings = MongoClientSettings.FromConnectionString(\"mongodb://{host}:27017/?tls=true&authMechanism=MONGODB-X509\");");
        text.AppendLine($"var ca = X509CertificateLoader.LoadCertificateFromFile(\"{ca}\");");
        text.AppendLine($"var me = X509Certificate2.CreateFromPemFile(\"{clientFile}\");");
        text.AppendLine("settings.SslSettings = new SslSettings");
        text.AppendLine("{");
        text.AppendLine("    ClientCertificates = [me],");
        text.AppendLine("    ServerCertificateValidationCallback = (_, cert, chain, errors) =>");
        text.AppendLine("    {");
        text.AppendLine("        if (cert is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;");
        text.AppendLine("        chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;");
        text.AppendLine("        chain.ChainPolicy.CustomTrustStore.Add(ca);");
        text.AppendLine("        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // this CA publishes no CRL");
        text.AppendLine("        return chain.Build(X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));");
        text.AppendLine("    },");
        text.AppendLine("};");
        text.AppendLine("settings.Credential = MongoCredential.CreateMongoX509Credential();");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("Check any certificate against MongoDB's rules with `tessera certs lint FILE --as client|member|server --ca " + ca + "`.");
        return text.ToString();
    }

    private static string Relative(DeploymentPki pki, string path) => Path.GetRelativePath(pki.Directory, path);
}
