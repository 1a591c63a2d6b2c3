using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Server.Configuration;

namespace Tessera.Cli.Serve;

/// <summary>
/// `tessera serve [mongod options] [--config FILE] [--dev [DIR]]`: mongod's own option names and YAML keys, so an
/// operator's configuration works; `--dev` starts a ready-to-use TLS + X.509 server with a development PKI.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the Tessera server. Takes mongod's options (--port, --tlsMode, --tlsCertificateKeyFile, --tlsCAFile, --auth, --config FILE, ...); --dev [DIR] makes a development PKI and starts with requireTLS and X.509 auth.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var arguments = parse.UnmatchedTokens.ToList();
            try
            {
                var (devDirectory, serverArguments) = DevEnvironment.SplitDevOption(arguments);
                var dev = devDirectory is null ? null : DevEnvironment.Prepare(devDirectory, serverArguments);
                var options = ServerOptionsParser.Parse(dev?.ServerArguments ?? serverArguments);
                return await ServerHost.RunAsync(options, dev, output, error, cancellationToken).ConfigureAwait(false);
            }
            catch (ServerConfigurationException e)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return UserFacingErrors.ExitCode;
            }
            catch (Exception e) when (e is Tessera.Security.Files.CertificateFileException or IOException or InvalidOperationException
                                           or Tessera.Storage.StorageException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return UserFacingErrors.ExitCode;
            }
        });
        return command;
    }
}
