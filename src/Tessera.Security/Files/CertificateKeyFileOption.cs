namespace Tessera.Security.Files;

/// <summary>
/// The pair of options that name a certificate key file and its password, so that error messages
/// point at the option the user actually set (mongod has two such pairs; clients use the first).
/// </summary>
public sealed record CertificateKeyFileOption(string FileOption, string PasswordOption)
{
    /// <summary><c>tlsCertificateKeyFile</c> / <c>tlsCertificateKeyFilePassword</c> (server and clients).</summary>
    public static CertificateKeyFileOption TlsCertificateKeyFile { get; } =
        new("tlsCertificateKeyFile", "tlsCertificateKeyFilePassword");

    /// <summary><c>tlsClusterFile</c> / <c>tlsClusterPassword</c> (mongod's certificate for outgoing member connections).</summary>
    public static CertificateKeyFileOption TlsClusterFile { get; } =
        new("tlsClusterFile", "tlsClusterPassword");
}
