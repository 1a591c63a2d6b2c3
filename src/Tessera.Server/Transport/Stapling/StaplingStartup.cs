using Tessera.Security.Ocsp;
using Tessera.Server.Configuration;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;

namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// Decides at start-up whether the server staples: TLS on, ocspEnabled, a certificate that names an OCSP responder
/// (AIA), and its issuer at hand. Only the last can be the operator's mistake, so only it is logged with a fix.
/// </summary>
internal static class StaplingStartup
{
    /// <summary>A stapler ready to <see cref="OcspStapler.Start"/>, or null when the server staples nothing.</summary>
    public static OcspStapler? Create(ServerSetup setup, ServerLog log)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(log);
        if (setup.TlsMode == TlsMode.Disabled || setup.ServerCertificate is not { } file)
        {
            return null;
        }

        var certificate = file.Certificate;
        if (!setup.Stapling.Enabled)
        {
            if (OcspCertificateInfo.IsMustStaple(certificate))
            {
                log.StartupWarning(LogComponents.Network, 0,
                    "The server certificate requires a stapled OCSP response (TLS Feature status_request, must-staple) but ocspEnabled is false: clients that honour must-staple will refuse the server. Set ocspEnabled=true or issue a certificate without must-staple.");
            }

            return null;
        }

        var responders = OcspCertificateInfo.ResponderUrls(certificate);
        if (responders.Count == 0)
        {
            return null;
        }

        var stapling = new StaplingLog(log);
        var issuer = StaplingIssuer.Find(certificate, file.Intermediates, setup.CertificateAuthorities, setup.OwnCertificateAuthorities);
        if (issuer is null)
        {
            stapling.Unable(
                $"The issuer of the server certificate ({certificate.Issuer}) is in neither tlsCertificateKeyFile ({file.Path}) nor tlsCAFile, and an OCSP request must name it: " +
                "append the issuing CA's certificate (and any intermediates) after the server's certificate in tlsCertificateKeyFile, or give its CA in tlsCAFile. Nothing is stapled until then.");
            return null;
        }

        return new OcspStapler(certificate, issuer, responders, setup.Stapling, stapling);
    }
}
