using Tessera.Security.Issuing;
using Tessera.Server.Configuration;

namespace Tessera.Cli.Serve;

/// <summary>
/// `tessera serve --dev [DIR]`: makes (or reuses) a development PKI in DIR, and starts with requireTLS, X.509
/// authentication and authorization, data in DIR/data, and the generated client certificate's $external user as root.
/// Settings given on the command line still win.
/// </summary>
internal sealed record DevEnvironment(string Directory, string CaFile, string ServerFile, string ClientFile, string ClientUser, IReadOnlyList<string> ServerArguments)
{
    public const string DefaultDirectory = ".tessera-dev";
    private const string ClientName = "dev";

    /// <summary>Takes `--dev [DIR]` out of the arguments; the rest are mongod options.</summary>
    public static (string? Directory, IReadOnlyList<string> ServerArguments) SplitDevOption(IReadOnlyList<string> arguments)
    {
        var rest = new List<string>();
        string? directory = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--dev")
            {
                directory = i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-') ? arguments[++i] : DefaultDirectory;
            }
            else if (arguments[i].StartsWith("--dev=", StringComparison.Ordinal))
            {
                directory = arguments[i]["--dev=".Length..];
            }
            else
            {
                rest.Add(arguments[i]);
            }
        }

        return (directory, rest);
    }

    public static DevEnvironment Prepare(string directory, IReadOnlyList<string> userArguments)
    {
        var root = Path.GetFullPath(directory);
        var pkiDirectory = Path.Combine(root, "pki");
        if (!File.Exists(Path.Combine(pkiDirectory, DeploymentPki.CaCertificateFile)))
        {
            DeploymentPki.Create(new DeploymentPkiOptions { Directory = pkiDirectory, Organization = "Tessera Dev", Clients = [ClientName] });
        }

        var ca = Path.Combine(pkiDirectory, DeploymentPki.CaCertificateFile);
        var server = Path.Combine(pkiDirectory, DeploymentPki.MembersFolder, "localhost.pem");
        var client = Path.Combine(pkiDirectory, DeploymentPki.ClientsFolder, ClientName + ".pem");
        var data = Path.Combine(root, "data");
        System.IO.Directory.CreateDirectory(data);

        var given = ServerOptionsParser.ParseWithoutValidation(userArguments);
        var arguments = new List<string>();
        void Default(string setting, params string[] option)
        {
            if (!given.WasGiven(setting))
            {
                arguments.AddRange(option);
            }
        }

        Default("net.tls.mode", "--tlsMode", "requireTLS");
        Default("net.tls.certificateKeyFile", "--tlsCertificateKeyFile", server);
        Default("net.tls.CAFile", "--tlsCAFile", ca);
        Default("security.authorization", "--auth");
        Default("storage.dbPath", "--dbpath", data);
        arguments.AddRange(userArguments);
        var clientUser = Tessera.Security.Names.ExternalUserName.Of(Tessera.Security.Files.CertificateKeyFile.Load(client, null).Certificate);
        return new DevEnvironment(root, ca, server, client, clientUser, arguments);
    }
}
