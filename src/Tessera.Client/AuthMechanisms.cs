namespace Tessera.Client;

/// <summary>
/// The mechanisms the auth spec defines. Tessera authenticates only with MONGODB-X509, but parses and validates every
/// one, so a connection string meant for another driver is understood (and its errors reported) the same way.
/// </summary>
public static class AuthMechanisms
{
    public const string X509 = "MONGODB-X509";
    public const string ScramSha1 = "SCRAM-SHA-1";
    public const string ScramSha256 = "SCRAM-SHA-256";
    public const string Plain = "PLAIN";
    public const string Gssapi = "GSSAPI";
    public const string Aws = "MONGODB-AWS";
    public const string Oidc = "MONGODB-OIDC";

    /// <summary>The external database: where X.509, GSSAPI, AWS and OIDC users live.</summary>
    public const string ExternalSource = "$external";

    internal static readonly string[] All = [X509, ScramSha1, ScramSha256, Plain, Gssapi, Aws, Oidc];
}
