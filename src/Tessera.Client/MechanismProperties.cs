namespace Tessera.Client;

/// <summary>The authMechanismProperties keys the auth spec defines. Their names are case-insensitive.</summary>
public static class MechanismProperties
{
    public const string ServiceName = "SERVICE_NAME";
    public const string CanonicalizeHostName = "CANONICALIZE_HOST_NAME";
    public const string ServiceRealm = "SERVICE_REALM";
    public const string ServiceHost = "SERVICE_HOST";
    public const string AwsSessionToken = "AWS_SESSION_TOKEN";
    public const string Environment = "ENVIRONMENT";
    public const string TokenResource = "TOKEN_RESOURCE";

    private static readonly string[] Known = [ServiceName, CanonicalizeHostName, ServiceRealm, ServiceHost, AwsSessionToken, Environment, TokenResource];

    /// <summary>A known key in the spec's upper-case spelling; an unknown key as given, for the mechanism to reject.</summary>
    public static string Canonical(string key) =>
        Known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
}
