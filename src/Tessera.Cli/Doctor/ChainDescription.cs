using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Certificates;
using Tessera.Security.Names;

namespace Tessera.Cli.Doctor;

/// <summary>The server's certificates as an operator needs them to see a TLS problem: subject, SANs, issuer, validity.</summary>
internal static class ChainDescription
{
    public static void Write(TextWriter output, IReadOnlyList<X509Certificate2> certificates, string indent)
    {
        output.WriteLine($"{indent}server chain ({certificates.Count} sent):");
        for (var i = 0; i < certificates.Count; i++)
        {
            var certificate = certificates[i];
            var facts = CertificateFacts.Of(certificate);
            var sans = facts.DnsNames.Select(d => "DNS:" + d).Concat(facts.IpAddresses.Select(ip => "IP:" + ip)).ToArray();
            output.WriteLine($"{indent}  [{i}] {X509Name.Describe(certificate.SubjectName)}");
            if (facts.HasSubjectAlternativeName)
            {
                output.WriteLine($"{indent}      SAN: {(sans.Length == 0 ? "(empty)" : string.Join(", ", sans))}");
            }
            else if (!facts.IsCertificateAuthority)
            {
                output.WriteLine($"{indent}      SAN: none (host names are matched against the CN)");
            }

            output.WriteLine($"{indent}      issuer: {X509Name.Describe(certificate.IssuerName)}");
            output.WriteLine($"{indent}      valid: {Time(certificate.NotBefore)} to {Time(certificate.NotAfter)}");
        }
    }

    private static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
