using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Security.Files;
using Tessera.Security.Rules;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs lint`: MongoDB's certificate rules, each finding with its rule id and fix; exit 1 on an error.</summary>
internal static class LintCommand
{
    public const int ExitCodeOnErrors = 1;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The certificate (PEM, combined PEM or DER); certificates after the first are its chain." };
        var role = new Option<string>("--as") { Description = "The role to check it for: client, member or server.", DefaultValueFactory = _ => "client" };
        role.AcceptOnlyFromAmong("client", "member", "server");
        var ca = new Option<string?>("--ca") { Description = "The deployment's CA file (tlsCAFile): the certificate must chain to it." };
        var hosts = new Option<string?>("--hosts") { Description = "Host names and addresses the certificate must match (member, server), comma-separated." };
        var usage = new Option<string>("--usage") { Description = "For a member: key-file, cluster-file, or both (a key file used without a cluster file).", DefaultValueFactory = _ => "both" };
        usage.AcceptOnlyFromAmong("both", "key-file", "cluster-file");
        var json = new Option<bool>("--json") { Description = "Print JSON: file, role, subject, findings (rule, severity, message, fix), notChecked." };
        var context = new PeerContextOptions();
        var command = new Command("lint", "Check a certificate against MongoDB's rules for clients, members or servers.") { file, role, ca, hosts, usage, json };
        context.AddTo(command);
        command.SetAction(parse => UserFacingErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var path = parse.GetValue(file)!;
            var certificates = CertificateFile.Load(path, "the FILE argument");
            var leaf = certificates[0];
            certificates.RemoveAt(0);
            var options = new LintOptions
            {
                Role = parse.GetValue(role) switch { "member" => CertificateRole.Member, "server" => CertificateRole.Server, _ => CertificateRole.Client },
                TrustedAuthorities = parse.GetValue(ca) is { } caFile ? CertificateAuthorityFile.Load(caFile, "--ca") : null,
                ServerCertificate = context.LoadServerCertificate(parse),
                ClusterAttributes = context.Criteria(parse),
                Hosts = CommaList.Parse(parse.GetValue(hosts)),
                MemberUsage = parse.GetValue(usage) switch
                {
                    "key-file" => MemberCertificateUsage.CertificateKeyFile,
                    "cluster-file" => MemberCertificateUsage.ClusterFile,
                    _ => MemberCertificateUsage.Both,
                },
            };
            var report = CertificateLinter.Lint(leaf, options, certificates);
            LintReportWriter.Write(parse.InvocationConfiguration.Output, path, leaf, options.Role, report, parse.GetValue(json));
            return report.HasErrors ? ExitCodeOnErrors : 0;
        }));
        return command;
    }
}
