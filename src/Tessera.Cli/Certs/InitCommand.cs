using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Security.Issuing;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs init`: a whole deployment PKI that passes every MongoDB rule, with a README saying what goes where.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to create the PKI in (must not hold one already).", Required = true };
        var organization = new Option<string>("--org") { Description = "Organization (O) of every certificate.", DefaultValueFactory = _ => "Tessera" };
        var hosts = new Option<string>("--hosts")
        {
            Description = "Host names of the deployment, comma-separated; one member certificate per machine. Join aliases of one machine with '+' (db1.example.com+10.0.0.1); loopback names share one.",
            DefaultValueFactory = _ => "localhost,127.0.0.1",
        };
        var clients = new Option<string>("--clients") { Description = "Client names, comma-separated; each becomes CN=<name>,OU=Clients,O=<org>.", DefaultValueFactory = _ => "alice" };
        var keyType = KeyTypeOption.Create();
        var days = new Option<int?>("--days") { Description = "Validity of the member and client certificates in days (default 825)." };

        var command = new Command("init", "Create a deployment PKI: a CA, a member certificate per host, client certificates and a README.")
        {
            output, organization, hosts, clients, keyType, days,
        };
        command.SetAction(parse => UserFacingErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var pki = DeploymentPki.Create(new DeploymentPkiOptions
            {
                Directory = parse.GetValue(output)!,
                Organization = parse.GetValue(organization)!,
                Hosts = CommaList.Parse(parse.GetValue(hosts)),
                Clients = CommaList.Parse(parse.GetValue(clients)),
                KeyAlgorithm = KeyTypeOption.Parse(parse.GetValue(keyType)),
                ValidityDays = parse.GetValue(days),
            });
            var readme = Path.Combine(pki.Directory, "README.md");
            File.WriteAllText(readme, InitReadme.Render(pki));
            Report(parse.InvocationConfiguration.Output, pki, readme);
            return 0;
        }));
        return command;
    }

    private static void Report(TextWriter output, DeploymentPki pki, string readme)
    {
        output.WriteLine($"Created a PKI in {pki.Directory}");
        output.WriteLine($"  CA certificate (tlsCAFile)   {pki.CaCertificatePath}");
        output.WriteLine($"  CA private key (keep safe)   {pki.CaKeyPath}");
        foreach (var member in pki.Members)
        {
            output.WriteLine($"  member {string.Join(", ", member.Hosts)}: {member.Path}");
        }

        foreach (var client in pki.Clients)
        {
            output.WriteLine($"  client {client.Name}: {client.Path}");
            output.WriteLine($"      $external user: {client.Subject}");
        }

        output.WriteLine($"What goes in which option: {readme}");
    }
}
