using System.CommandLine;
using MongoDB.Bson;
using Tessera.Cli.Output;
using Tessera.Client;
using Tessera.Client.Connection;
using Tessera.Security.Files;

namespace Tessera.Cli.Doctor;

/// <summary>
/// `tessera doctor URI`: connects to each host of the URI as a driver would, step by step (resolve, TCP, TLS handshake,
/// host name, revocation, OCSP, hello, X.509 login, ping), prints each step, and at the first failing one its cause
/// and fix in plain words. Exit 0 when every host passes, 1 when a step fails, 2 when the URI or a file it names is
/// unusable (nothing was sent).
/// </summary>
internal static class DoctorCommand
{
    public const int StepFailedExitCode = 1;

    public static Command Create()
    {
        var uri = new Argument<string>("uri") { Description = "A mongodb:// connection string with the TLS options to check (quote it for the shell)." };
        var command = new Command("doctor", "Connect as a driver would and explain, step by step, what fails and how to fix it.") { uri };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            ConnectionString parsed;
            try
            {
                parsed = ConnectionString.Parse(parse.GetValue(uri)!);
            }
            catch (ClientConfigurationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return UserFacingErrors.ExitCode;
            }

            WriteSummary(output, parsed);
            var exitCode = 0;
            foreach (var host in parsed.Hosts)
            {
                exitCode = Math.Max(exitCode, await CheckAsync(output, parsed, host, cancellationToken).ConfigureAwait(false));
            }

            output.WriteLine(exitCode == 0 ? "all checks passed" : "a check failed: see its cause and fix above");
            return exitCode;
        });
        return command;
    }

    private static async Task<int> CheckAsync(TextWriter output, ConnectionString uri, ServerAddress host, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine(host.ToString());
        var printer = new StepPrinter(output);
        try
        {
            // With tlsCRLFile the CRL is checked instead of OCSP (never both), as a program that uses it must choose.
            var tls = uri.TlsSettings.CrlFile is null ? null : new TlsOptions { Ocsp = false };
            await using var connection = await TesseraConnection.OpenAsync(uri, new ConnectionOptions { Server = host, Observer = printer, TlsOptions = tls }, cancellationToken).ConfigureAwait(false);
            await connection.RunCommandAsync("admin", new BsonDocument("ping", 1), cancellationToken).ConfigureAwait(false);
            printer.StepPassed(ConnectionStep.Command, "");
            return 0;
        }
        catch (ConnectionFailedException e)
        {
            printer.Failed(e.Step, e.Cause, e.Fix);
            return StepFailedExitCode;
        }
        catch (ServerCommandException e)
        {
            var step = e.CommandName switch
            {
                "hello" => ConnectionStep.Hello,
                "authenticate" => ConnectionStep.Login,
                _ => ConnectionStep.Command,
            };
            printer.Failed(step, $"the server answered {e.CommandName} with error {e.Code} ({e.CodeName}): {e.ErrorMessage}",
                e.Fix ?? "read the server's log for the reason");
            return StepFailedExitCode;
        }
        catch (Exception e) when (e is ClientConfigurationException or CertificateFileException)
        {
            output.WriteLine($"  {"configuration",-14} FAILED");
            output.WriteLine($"      cause: {e.Message}");
            output.WriteLine("      fix:   correct the URI or the file it names; nothing was sent to the server");
            return UserFacingErrors.ExitCode;
        }
    }

    // What is being checked, secrets shown as <password>.
    private static void WriteSummary(TextWriter output, ConnectionString uri)
    {
        var tls = uri.TlsSettings;
        var credential = ClientCredential.FromConnectionString(uri);
        output.WriteLine($"tessera doctor: {string.Join(", ", uri.Hosts)}");
        output.WriteLine($"  tls: {(tls.Enabled ? "on" : "off")}" + (tls.Enabled ? Describe(tls) : ""));
        output.WriteLine($"  login: {(credential is null ? "none" : $"{credential.Mechanism ?? "SCRAM"}" + (credential.UserName is null ? " (user from the certificate)" : $" as {credential.UserName}"))}");
    }

    private static string Describe(TlsSettings tls)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null and not false)
            {
                parts.Add(value is true ? name : $"{name}={value}");
            }
        }

        Add("tlsCAFile", tls.CAFile ?? "(system store)");
        Add("tlsCertificateKeyFile", tls.CertificateKeyFile);
        Add("tlsCertificateKeyFilePassword", tls.CertificateKeyFilePassword is null ? null : UriOptions.RedactedValue);
        Add("tlsCRLFile", tls.CrlFile);
        Add("tlsAllowInvalidCertificates", tls.AllowInvalidCertificates);
        Add("tlsAllowInvalidHostnames", tls.AllowInvalidHostnames);
        return ", " + string.Join(", ", parts);
    }
}
