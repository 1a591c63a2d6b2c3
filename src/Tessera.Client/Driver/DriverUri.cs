namespace Tessera.Client.Driver;

/// <summary>
/// The connection string as MongoDB.Driver should see it: the TLS options it does not understand (client-behavior.md
/// §5.1: it files them as unknown and ignores them) are taken out, as are tls/ssl, tlsInsecure and
/// tlsDisableCertificateRevocationCheck, because Tessera applies them; a single <c>tls=true|false</c> is put in its
/// place (<see cref="DriverSettings"/> says tls=false: Tessera's own TLS wraps the driver's TCP streams).
/// </summary>
internal static class DriverUri
{
    private static readonly HashSet<string> Removed = new(StringComparer.OrdinalIgnoreCase)
    {
        UriOptionNames.Tls,
        UriOptionNames.Ssl,
        UriOptionNames.TlsInsecure,
        UriOptionNames.TlsAllowInvalidCertificates,
        UriOptionNames.TlsAllowInvalidHostnames,
        UriOptionNames.TlsCAFile,
        UriOptionNames.TlsCertificateKeyFile,
        UriOptionNames.TlsCertificateKeyFilePassword,
        UriOptionNames.TlsCRLFile,
        UriOptionNames.TlsDisableOCSPEndpointCheck,
        UriOptionNames.TlsDisableCertificateRevocationCheck,
        "sslVerifyCertificate",
    };

    public static string For(string uri, bool tlsEnabled)
    {
        var syntax = ConnectionStringSyntax.Split(uri);
        var kept = (syntax.Query ?? "")
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !Removed.Contains(KeyOf(pair)))
            .Append(tlsEnabled ? "tls=true" : "tls=false");
        var scheme = syntax.IsSrv ? ConnectionStringSyntax.SrvScheme : ConnectionStringSyntax.Scheme;
        var userInfo = syntax.UserInfo is null ? "" : syntax.UserInfo + "@";
        return $"{scheme}{userInfo}{syntax.HostList}/{syntax.DatabasePath}?{string.Join('&', kept)}";
    }

    private static string KeyOf(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? pair : pair[..equals];
    }
}
