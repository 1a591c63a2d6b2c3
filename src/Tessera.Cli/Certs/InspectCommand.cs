using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Security.Certificates;
using Tessera.Security.Files;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs inspect`: a certificate as MongoDB sees it, above all the exact $external user name.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A PEM (certificate, combined certificate and key, or a chain) or DER certificate file." };
        var json = new Option<bool>("--json") { Description = "Print JSON (stable keys: subject, issuer, notBefore, notAfter, san, eku, keyUsage, ...)." };
        var context = new PeerContextOptions();
        var command = new Command("inspect", "Show a certificate as MongoDB sees it: the $external user name, issuer, validity, SANs, EKU, KU and member-or-client.")
        {
            file, json,
        };
        context.AddTo(command);
        command.SetAction(parse => UserFacingErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            using var certificate = CertificateFile.Load(parse.GetValue(file)!, "the FILE argument")[0];
            var summary = CertificateSummary.Of(certificate, context.Membership(parse));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(output, summary);
            }
            else
            {
                WriteText(output, summary);
            }

            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, CertificateSummary s)
    {
        void Row(string name, string? value)
        {
            if (value is not null)
            {
                output.WriteLine($"{name,-20} {value}");
            }
        }

        Row("subject", s.Subject);
        Row("subject error", s.SubjectError);
        Row("issuer", s.Issuer);
        Row("serial", s.SerialNumber);
        Row("not before", s.NotBefore.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Row("not after", s.NotAfter.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Row("san", s.San.Count > 0 ? string.Join(", ", s.San) : "(none)");
        Row("eku", s.Eku is null ? "(none: any purpose)" : string.Join(", ", s.Eku));
        Row("key usage", s.KeyUsage is null ? "(none)" : string.Join(", ", s.KeyUsage));
        Row("ca", s.IsCertificateAuthority ? "yes" : "no");
        Row("public key", s.PublicKey);
        Row("signature", s.SignatureAlgorithm);
        Row("sha1", s.Sha1Fingerprint);
        Row("sha256", s.Sha256Fingerprint);
        Row("mongoRoles", s.MongoRoles is null ? null : string.Join(", ", s.MongoRoles));
        Row("cluster membership", s.ClusterMembership);
        Row("classification", s.Classification switch
        {
            PeerClassification.Member => "member (a login with it becomes __system: full privileges)",
            PeerClassification.Client => "client",
            _ => "unknown (give --server-cert or --cluster-attributes)",
        });
        if (s.SubjectError is null && s.Classification != PeerClassification.Member)
        {
            var user = s.Subject.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            output.WriteLine();
            output.WriteLine("Create its user (mongosh):");
            output.WriteLine($"  db.getSiblingDB(\"$external\").runCommand({{createUser: \"{user}\", roles: [{{role: \"read\", db: \"test\"}}]}})");
        }
    }
}
