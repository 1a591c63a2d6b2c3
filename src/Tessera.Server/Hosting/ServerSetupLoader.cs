using System.Net;
using System.Security.Authentication;
using Tessera.Security.Files;
using Tessera.Security.Membership;
using Tessera.Security.Names;
using Tessera.Server.Configuration;
using Tessera.Server.Transport.Stapling;

namespace Tessera.Server.Hosting;

/// <summary>
/// Turns validated options into a running server's setup: reads the certificate, CA and CRL files (each error names
/// the file and the option), builds the membership rule from the server's own subject, and resolves endpoints.
/// </summary>
public static class ServerSetupLoader
{
    public static ServerSetup Load(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = options.Net.Tls;
        var setup = new ServerSetup
        {
            Endpoints = Endpoints(options.Net),
            TlsMode = tls.Mode,
            AllowConnectionsWithoutCertificates = tls.AllowConnectionsWithoutCertificates,
            AllowInvalidCertificates = tls.AllowInvalidCertificates,
            EnabledProtocols = Protocols(tls.EnabledProtocols),
            AuthorizationEnabled = options.Security.AuthorizationEnabled,
            ClusterAuthMode = options.Security.ClusterAuthMode,
            EnforceUserClusterSeparation = options.Parameters.EnforceUserClusterSeparation,
            ExpirationWarningThresholdDays = options.Parameters.TlsX509ExpirationWarningThresholdDays,
            MaxConnections = options.Net.MaxIncomingConnections,
            X509AuthenticationEnabled = options.Parameters.X509AuthenticationEnabled,
            AuthFailedDelay = TimeSpan.FromMilliseconds(options.Parameters.AuthFailedDelayMs),
            CursorTimeout = TimeSpan.FromMilliseconds(options.Parameters.CursorTimeoutMillis),
            SuppressNoCertificateWarning = options.Parameters.SuppressNoTLSPeerCertificateWarning,
            DisableNonTlsConnectionLogging = options.Parameters.DisableNonTLSConnectionLogging,
            LocalhostAuthBypass = options.Parameters.EnableLocalhostAuthBypass,
            LoggedProtocols = Protocols(tls.LogVersions),
            DatabasePath = options.Storage.DbPath,
            Stapling = Stapling(options.Parameters),
            CommandLineOptions = CmdLineOptsReply.Render(options),
        };
        if (!tls.IsEnabled)
        {
            return setup;
        }

        var certificate = CertificateKeyFile.Load(tls.CertificateKeyFile!, tls.CertificateKeyFilePassword?.Reveal());
        if (tls.ClusterFile is { } clusterFile)
        {
            // What the server would present to other members: mongod refuses to start when it is unusable or expired.
            var cluster = CertificateKeyFile.Load(clusterFile, tls.ClusterPassword?.Reveal(), CertificateKeyFileOption.TlsClusterFile);
            StartupChecks.RequireValidNow(cluster, "ssl client initialization problem for certificate");
        }

        var authorities = tls.IncomingCAFile is { } caFile
            ? CertificateAuthorityFile.Load(caFile, tls.ClusterCAFile is null ? "tlsCAFile" : "tlsClusterCAFile")
            : null;
        var revocationLists = tls.CRLFile is { } crlFile ? CheckedRevocationLists(crlFile, authorities!) : [];
        var dnOverride = options.Parameters.TlsX509ClusterAuthDNOverride is { Length: > 0 } dn ? DistinguishedNameParser.Parse(dn) : null;
        return setup with
        {
            ServerCertificate = certificate,
            CertificateAuthorities = authorities,
            OwnCertificateAuthorities = tls.ClusterCAFile is not null && tls.CAFile is { } ownCaFile ? CertificateAuthorityFile.Load(ownCaFile, "tlsCAFile") : null,
            RevocationLists = revocationLists,
            Membership = new ClusterMembership(
                X509Name.FromCertificateSubject(certificate.Certificate),
                tls.ClusterAuthX509.ToCriteria(),
                options.Parameters.TlsClusterAuthX509Override?.ToCriteria(),
                dnOverride),
        };
    }

    private static StaplingSettings Stapling(ServerParameters parameters) => new()
    {
        Enabled = parameters.OcspEnabled,
        ResponderTimeout = TimeSpan.FromSeconds(parameters.EffectiveOcspStaplingTimeoutSecs),
        RefreshPeriod = parameters.OcspStaplingRefreshPeriodSecs > 0 ? TimeSpan.FromSeconds(parameters.OcspStaplingRefreshPeriodSecs) : null,
        SlowResponderWarning = TimeSpan.FromSeconds(parameters.TlsOCSPSlowResponderWarningSecs),
    };

    // A CRL that is not the CA's, or that has expired, would make every client fail later: refuse to start now.
    private static IReadOnlyList<CertificateRevocationList> CheckedRevocationLists(string path, System.Security.Cryptography.X509Certificates.X509Certificate2Collection authorities)
    {
        var lists = RevocationListFile.Load(path);
        foreach (var crl in lists)
        {
            var issuer = authorities.FirstOrDefault(a => a.SubjectName.RawData.AsSpan().SequenceEqual(crl.Issuer.RawData))
                ?? throw new CertificateFileException(CertificateFileError.RevocationListIssuerMismatch, path,
                    $"The CRL in '{path}' was issued by '{crl.Issuer.Name}', which is not a CA of tlsCAFile; give tlsCRLFile the CRL of the CA that issues the clients' certificates.");
            crl.Check(issuer, DateTimeOffset.UtcNow);
        }

        return lists;
    }

    private static IReadOnlyList<IPEndPoint> Endpoints(NetOptions net)
    {
        if (net.BindIpAll)
        {
            return [new IPEndPoint(IPAddress.Any, net.Port), new IPEndPoint(IPAddress.IPv6Any, net.Port)];
        }

        return net.BindIp.SelectMany(host => host switch
        {
            "localhost" => [IPAddress.Loopback],
            _ when IPAddress.TryParse(host, out var address) => [address],
            _ => Dns.GetHostAddresses(host),
        }).Distinct().Select(address => new IPEndPoint(address, net.Port)).ToArray();
    }

#pragma warning disable SYSLIB0039 // TLS 1.0/1.1 only when an operator re-enables them with tlsDisabledProtocols.
    private static SslProtocols Protocols(TlsProtocols enabled) =>
        (enabled.HasFlag(TlsProtocols.Tls1_0) ? SslProtocols.Tls : SslProtocols.None)
        | (enabled.HasFlag(TlsProtocols.Tls1_1) ? SslProtocols.Tls11 : SslProtocols.None)
        | (enabled.HasFlag(TlsProtocols.Tls1_2) ? SslProtocols.Tls12 : SslProtocols.None)
        | (enabled.HasFlag(TlsProtocols.Tls1_3) ? SslProtocols.Tls13 : SslProtocols.None);
#pragma warning restore SYSLIB0039
}
