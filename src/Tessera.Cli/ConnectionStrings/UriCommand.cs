using System.Collections;
using System.CommandLine;
using System.Globalization;
using Tessera.Cli.Output;
using Tessera.Client;

// Not Tessera.Cli.Uri: a namespace of that name would hide System.Uri from the rest of Tessera.Cli.
namespace Tessera.Cli.ConnectionStrings;

/// <summary>
/// `tessera uri parse URI [--json]`: the connection string as Tessera.Client (and PyMongo) understands it — the
/// options under their spec names, what was ignored and why, the effective TLS settings and credential — or the
/// error, exit 2. Passwords are shown as &lt;password&gt;, never in clear.
/// </summary>
internal static class UriCommand
{
    public static Command Create() => new("uri", "Work with MongoDB connection strings.") { CreateParse() };

    private static Command CreateParse()
    {
        var uri = new Argument<string>("uri") { Description = "A mongodb:// or mongodb+srv:// connection string (quote it for the shell)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {options, warnings, hosts, tls, credential} or {error}." };
        var command = new Command("parse", "Parse a connection string: the normalized options and warnings, or the spec's error (exit 2). No DNS lookups, no files opened.")
        {
            uri, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            ConnectionString parsed;
            ClientCredential? credential;
            try
            {
                parsed = ConnectionString.Parse(parse.GetValue(uri)!);
                credential = ClientCredential.FromConnectionString(parsed);
            }
            catch (ClientConfigurationException e)
            {
                if (asJson)
                {
                    JsonOutput.Write(output, new { error = e.Message });
                }
                else
                {
                    parse.InvocationConfiguration.Error.WriteLine("error: " + e.Message);
                }

                return UserFacingErrors.ExitCode;
            }

            var report = ParsedUriReport.Of(parsed, credential);
            if (asJson)
            {
                JsonOutput.Write(output, report);
            }
            else
            {
                WriteText(output, report);
            }

            return 0;
        });
        return command;
    }

    private static void WriteText(TextWriter output, ParsedUriReport report)
    {
        void Row(string name, string? value)
        {
            if (value is not null)
            {
                output.WriteLine($"{name,-12} {value}");
            }
        }

        Row("scheme", report.Scheme);
        Row("hosts", string.Join(", ", report.Hosts));
        Row("user", report.UserName);
        Row("password", report.Password);
        Row("database", report.Database);
        Row("credential", report.Credential is null ? "(none)" : $"{report.Credential.Mechanism ?? "(negotiated)"} on {report.Credential.Source}"
                                                                 + (report.Credential.UserName is null ? "" : $" as {report.Credential.UserName}"));
        Row("tls", report.Tls.Enabled ? "on" : "off");
        output.WriteLine("options");
        if (report.Options.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (name, value) in report.Options)
        {
            output.WriteLine($"  {name}={Format(value)}");
        }

        if (report.Warnings.Count > 0)
        {
            output.WriteLine("warnings");
            foreach (var warning in report.Warnings)
            {
                output.WriteLine("  " + warning);
            }
        }
    }

    /// <summary>Values in the URI's own syntax, so a line can be pasted back into a connection string.</summary>
    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IReadOnlyDictionary<string, string> pairs => string.Join(",", pairs.Select(p => $"{p.Key}:{p.Value}")),
        IEnumerable<string> items => string.Join(",", items),
        IEnumerable list and not string => string.Join(" ", list.Cast<object>().Select(item => $"[{Format(item)}]")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
