using Tessera.Security.Certificates;
using Tessera.Security.Names;
using Tessera.Security.Rules;
using Tessera.Server.Configuration;
using Tessera.Server.Logging;

namespace Tessera.Server.Hosting;

/// <summary>
/// mongod's start-up checks of its own certificate (server-behavior.md §4.2, §4.4): expired or not yet valid is
/// fatal; no SAN, expiry within 30 days and EKU/KU problems are warnings that getLog's startupWarnings shows.
/// </summary>
public static class StartupChecks
{
    public static void Run(ServerSetup setup, ServerLog log)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(log);
        if (setup.TlsMode == TlsMode.Disabled || setup.ServerCertificate is not { } file)
        {
            return;
        }

        var certificate = file.Certificate;
        var facts = CertificateFacts.Of(certificate);
        var now = DateTimeOffset.UtcNow;
        RequireValidNow(file, "ssl server initialization problem for certificate");

        log.Info(LogComponents.Network, 4913010, "initandlisten", "Certificate information",
            ("subject", X509Name.FromCertificateSubject(certificate).ToString()), ("issuer", X509Name.FromCertificateIssuer(certificate).ToString()),
            ("thumbprint", facts.Thumbprint), ("notValidBefore", certificate.NotBefore.ToUniversalTime()), ("notValidAfter", certificate.NotAfter.ToUniversalTime()),
            ("keyFile", file.Path), ("type", "Server"));

        if (!facts.HasSubjectAlternativeName || (facts.DnsNames.Count == 0 && facts.IpAddresses.Count == 0))
        {
            log.StartupWarning(LogComponents.Network, 551190, "Server certificate has no compatible Subject Alternative Name. This may prevent TLS clients from connecting");
        }

        var days = (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays;
        if (days < 30)
        {
            log.StartupWarning(LogComponents.Network, 23786, "Server certificate will expire soon",
                ("certExpiration", certificate.NotAfter.ToUniversalTime()), ("validDuration", (int)(days * 24)));
        }

        // A member's key file is also what it presents to other members: the rules say what would break them.
        var report = CertificateLinter.Lint(certificate, new LintOptions { Role = CertificateRole.Member, ExpiryWarningDays = 0 });
        foreach (var finding in report.Findings.Where(f => f.Id is "member-eku" or "member-key-usage" or "server-eku" or "server-key-usage"))
        {
            log.StartupWarning(LogComponents.Network, 0, $"Server certificate: {finding.Message} ({finding.Id}): {finding.Fix}");
        }

        if (setup.CertificateAuthorities is null)
        {
            log.StartupWarning(LogComponents.Control, 22133,
                "No client certificate validation can be performed since no CA file or cluster CA File has been provided. Please specify an sslCAFile or a clusterCAFile parameter");
        }

        if (setup.AllowInvalidCertificates)
        {
            log.StartupWarning(LogComponents.Control, 22124,
                "While invalid X509 certificates may be used to connect to this server, they will not be considered permissible for authentication");
        }
    }

    /// <summary>mongod's fatal check of its own certificates (InvalidSSLConfiguration): valid now, or no start.</summary>
    public static void RequireValidNow(Tessera.Security.Files.CertificateKeyFile file, string context)
    {
        ArgumentNullException.ThrowIfNull(file);
        var certificate = file.Certificate;
        var now = DateTime.UtcNow;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw new InvalidOperationException(
                $"{context}: {file.Path}: The provided SSL certificate is expired or not yet valid. "
                + $"notBefore {certificate.NotBefore.ToUniversalTime():u}, notAfter {certificate.NotAfter.ToUniversalTime():u}");
        }
    }
}
