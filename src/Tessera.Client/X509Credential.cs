namespace Tessera.Client;

/// <summary>
/// A MONGODB-X509 credential. The user is the client certificate's subject in RFC 2253 form; it may be left out, in
/// which case the server takes it from the certificate (the auth spec: no user name must not be an error, and none
/// is sent). There is no password (the private key proves identity), and the user lives in $external.
/// </summary>
public sealed record X509Credential
{
    private X509Credential(string? userName) => UserName = userName;

    /// <summary>The subject DN to authenticate as, or null to let the server read it from the certificate.</summary>
    public string? UserName { get; }

    public string Source => AuthMechanisms.ExternalSource;

    public string Mechanism => AuthMechanisms.X509;

    /// <summary>
    /// Validates as the auth spec says: source must be $external (or not given), no password (not even an empty one),
    /// no mechanism properties. Throws <see cref="ClientConfigurationException"/> naming the fix.
    /// </summary>
    public static X509Credential Create(
        string? userName = null, string? password = null, string? source = null, IReadOnlyDictionary<string, string>? mechanismProperties = null)
    {
        if (password is not null)
        {
            throw new ClientConfigurationException(
                "Passwords are not supported by MONGODB-X509: the client certificate (tlsCertificateKeyFile) proves who you are. Remove the ':password' after the user name.");
        }

        if (source is not null && source != AuthMechanisms.ExternalSource)
        {
            throw new ClientConfigurationException(
                $"authentication source must be $external or None for MONGODB-X509, not '{source}': X.509 users live in $external. Use authSource=$external or leave it out.");
        }

        if (mechanismProperties is { Count: > 0 })
        {
            throw new ClientConfigurationException(
                $"MONGODB-X509 takes no authMechanismProperties (got {string.Join(", ", mechanismProperties.Keys)}): remove them.");
        }

        if (userName is { Length: 0 })
        {
            throw new ClientConfigurationException("The MONGODB-X509 user name cannot be empty: give the certificate's subject DN, or no user name at all.");
        }

        return new X509Credential(userName);
    }

    public ClientCredential ToClientCredential() =>
        new(UserName, null, Source, Mechanism, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
}
