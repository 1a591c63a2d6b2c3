using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Tessera.Cli.Output;
using Tessera.Security.Certificates;
using Tessera.Security.Issuing;
using Tessera.Security.Names;
using Tessera.Security.Tls;

namespace Tessera.Cli.Certs;

/// <summary>`tessera certs issue`: one CA, server, member or client certificate with MongoDB-correct extensions.</summary>
internal static class IssueCommand
{
    public static Command Create()
    {
        var profile = new Argument<string>("profile") { Description = "ca, server, member or client." };
        profile.AcceptOnlyFromAmong("ca", "server", "member", "client");
        var output = new Option<string>("--out") { Description = "File to write: certificate and key (mode 0600); a CA's key goes to the same name with .key.", Required = true };
        var ca = new Option<string?>("--ca") { Description = "The issuing CA's certificate (its key in the same file, in --ca-key, or beside it as .key). Optional for a ca: without it the CA is a self-signed root." };
        var caKey = new Option<string?>("--ca-key") { Description = "The issuing CA's private key file." };
        var caPassword = new Option<string?>("--ca-password") { Description = "Password of an encrypted CA key." };
        var subject = new Option<string?>("--subject") { Description = "Subject DN, most specific first, e.g. CN=alice,OU=Clients,O=Acme. Required for a client: it becomes the $external user name." };
        var san = new Option<string?>("--san") { Description = "Host names and IP addresses, comma-separated." };
        var days = new Option<int?>("--days") { Description = "Validity in days (default 825; 3650 for a CA)." };
        var notBefore = new Option<string?>("--not-before") { Description = "Start of validity, ISO 8601 (e.g. 2025-01-01T00:00:00Z)." };
        var notAfter = new Option<string?>("--not-after") { Description = "End of validity, ISO 8601." };
        var keyType = KeyTypeOption.Create();
        var roles = new Option<string?>("--roles") { Description = "Roles granted by the certificate (mongoRoles extension): role@db, comma-separated." };
        var membership = new Option<string?>("--membership") { Description = "mongoClusterMembership extension value (for net.tls.clusterAuthX509.extensionValue)." };
        var eku = new Option<string?>("--eku") { Description = "Override the extended key usage: serverAuth,clientAuth, ... or none." };
        var keyUsage = new Option<string?>("--key-usage") { Description = "Override the key usage: digitalSignature,keyEncipherment,keyAgreement,keyCertSign,cRLSign, ... or none." };
        var password = new Option<string?>("--password") { Description = "Encrypt the private key (PKCS#8, AES-256) with this password." };
        var ocspUrl = new Option<string?>("--ocsp-url") { Description = "OCSP responder URL (Authority Information Access)." };
        var mustStaple = new Option<bool>("--must-staple") { Description = "Require a stapled OCSP response (TLS feature extension)." };

        var command = new Command("issue", "Issue one certificate for a MongoDB deployment.")
        {
            profile, output, ca, caKey, caPassword, subject, san, days, notBefore, notAfter, keyType, roles, membership, eku, keyUsage, password, ocspUrl, mustStaple,
        };
        command.SetAction(parse => UserFacingErrors.Run(parse.InvocationConfiguration.Error, () =>
        {
            var kind = parse.GetValue(profile) switch
            {
                "ca" => CertificateProfile.Ca,
                "server" => CertificateProfile.Server,
                "member" => CertificateProfile.Member,
                _ => CertificateProfile.Client,
            };
            var hosts = CommaList.Parse(parse.GetValue(san));
            var request = new IssueRequest
            {
                Profile = kind,
                Subject = SubjectFor(kind, parse.GetValue(subject), hosts),
                Hosts = hosts,
                ValidityDays = parse.GetValue(days),
                NotBefore = Date(parse.GetValue(notBefore), "--not-before"),
                NotAfter = Date(parse.GetValue(notAfter), "--not-after"),
                KeyAlgorithm = KeyTypeOption.Parse(parse.GetValue(keyType)),
                MongoRoles = parse.GetValue(roles) is { } r ? CommaList.Parse(r).Select(ParseRole).ToArray() : null,
                ClusterMembership = parse.GetValue(membership),
                ExtendedKeyUsageOverride = parse.GetValue(eku) is { } e ? ExtensionNames.Purposes(e) : null,
                KeyUsageOverride = parse.GetValue(keyUsage) is { } k ? ExtensionNames.KeyUsage(k) : null,
                OcspResponderUrl = parse.GetValue(ocspUrl) is { } url ? new Uri(url) : null,
                MustStaple = parse.GetValue(mustStaple),
            };

            var file = Path.GetFullPath(parse.GetValue(output)!);
            var issuerFile = parse.GetValue(ca);
            if (issuerFile is null && kind != CertificateProfile.Ca)
            {
                throw new ArgumentException($"A {parse.GetValue(profile)} certificate needs its CA: --ca CA.pem (make one with tessera certs init or tessera certs issue ca).");
            }

            using var issuer = issuerFile is null ? null : CaKeyLoader.Load(issuerFile, parse.GetValue(caKey), parse.GetValue(caPassword));
            using var certificate = issuer is null ? new CertificateIssuer().IssueSelfSigned(request) : new CertificateIssuer().Issue(request, issuer);
            Write(kind, file, certificate, issuer, parse.GetValue(password), parse.InvocationConfiguration.Output);
            return 0;
        }));
        return command;
    }

    private static void Write(CertificateProfile kind, string file, X509Certificate2 certificate, X509Certificate2? issuer, string? password, TextWriter output)
    {
        if (kind == CertificateProfile.Ca)
        {
            var keyFile = Path.ChangeExtension(file, ".key");
            CertificateFileWriter.WriteCertificate(file, certificate);
            CertificateFileWriter.WritePrivateKey(keyFile, certificate, password);
            output.WriteLine($"wrote {file} (certificate) and {keyFile} (private key, mode 0600)");
        }
        else
        {
            // An intermediate issuer travels with the leaf, so peers that trust only the root can build the chain.
            var chain = issuer is not null && !CaFileTrust.IsSelfIssued(issuer) ? new[] { issuer } : [];
            CertificateFileWriter.WriteCombined(file, certificate, chain, password);
            output.WriteLine($"wrote {file} (certificate and private key, mode 0600)");
        }

        output.WriteLine($"subject: {ExternalUserName.Of(certificate)}");
    }

    private static X500DistinguishedName SubjectFor(CertificateProfile kind, string? subject, IReadOnlyList<string> hosts)
    {
        if (subject is not null)
        {
            return DistinguishedNameParser.Parse(subject).ToX500DistinguishedName();
        }

        var defaultSubject = kind switch
        {
            CertificateProfile.Ca => "CN=Tessera CA,OU=PKI,O=Tessera",
            CertificateProfile.Client => throw new ArgumentException(
                "A client certificate needs --subject: it becomes the $external user name (e.g. --subject CN=alice,OU=Clients,O=Acme)."),
            _ => $"CN={(hosts.Count > 0 ? hosts[0] : "localhost")},OU=Cluster,O=Tessera",
        };
        return DistinguishedNameParser.Parse(defaultSubject).ToX500DistinguishedName();
    }

    private static DateTimeOffset? Date(string? value, string option) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new ArgumentException($"{option} '{value}' is not a date; use ISO 8601, e.g. 2025-01-01T00:00:00Z.");

    private static MongoRole ParseRole(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1
            ? new MongoRole(text[..at], text[(at + 1)..])
            : throw new ArgumentException($"--roles entry '{text}' is not role@db, e.g. readWrite@test.");
    }
}
