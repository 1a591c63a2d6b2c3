using Tessera.Client.Connection;

namespace Tessera.Client.Tls;

/// <summary>
/// The TLS alert a server sends when it refuses the client's certificate (Tessera sends the most specific one;
/// mongod closes without one), turned into its cause and fix. OpenSSL's words for the alert are kept in the cause.
/// </summary>
internal static class ClientCertificateRefusal
{
    private const string Lint = "check it with: tessera certs lint FILE --as client --ca CA.pem";

    private static readonly (string Alert, string Cause, string Fix)[] Alerts =
    [
        ("alert unknown ca", "the server does not trust the CA that issued the client certificate {0}",
            "use a client certificate issued by a CA in the server's tlsCAFile, or add its CA there; " + Lint),
        ("alert certificate expired", "the server refused the client certificate {0}: it has expired",
            "issue a new client certificate (tessera certs issue client …) and point tlsCertificateKeyFile at it"),
        ("alert certificate revoked", "the server refused the client certificate {0}: its CRL (tlsCRLFile) revokes it",
            "use a certificate that is not revoked: issue a new one"),
        ("alert bad certificate", "the server refused the client certificate {0}: not yet valid, or its extendedKeyUsage lacks clientAuth",
            "issue a client certificate with extendedKeyUsage clientAuth and a current validity; " + Lint),
        ("alert unsupported certificate", "the server refused the client certificate {0}: its key usage or extendedKeyUsage does not allow client authentication",
            "issue a client certificate with extendedKeyUsage clientAuth; " + Lint),
        ("alert certificate unknown", "the server could not check the client certificate {0} (for example its CRL for the issuer has expired)",
            "ask the server's operator to renew the CRL in the server's tlsCRLFile; the server's log (id 23256) has the reason"),
        ("alert certificate required", "the server requires a client certificate and none was sent",
            "give one with tlsCertificateKeyFile=/path/to/client.pem"),
    ];

    /// <summary>The refusal an alert in <paramref name="reasons"/> names, or null when there is none.</summary>
    public static ConnectionFailure? FromReasons(string reasons, string? certificate, string? certificateFile, ConnectionStep step)
    {
        foreach (var (alert, cause, fix) in Alerts)
        {
            if (reasons.Contains(alert, StringComparison.OrdinalIgnoreCase))
            {
                var described = certificate is null ? "(none sent)" : $"'{certificate}' from tlsCertificateKeyFile={certificateFile}";
                return new ConnectionFailure(ConnectionFailureKind.ClientCertificateRejected, step,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, cause, described) + $" (TLS {alert})",
                    fix + "; the server's log says why (mongod log ids 23256 and 23255)");
            }
        }

        return null;
    }
}
