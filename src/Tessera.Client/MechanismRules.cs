namespace Tessera.Client;

/// <summary>
/// Per-mechanism credential rules from the auth spec (and PyMongo's messages where it has them). Tessera
/// authenticates only with MONGODB-X509, but checks every mechanism so that any connection string is judged as a
/// driver would judge it.
/// </summary>
internal static class MechanismRules
{
    private static readonly string[] CanonicalizeHostNameValues = ["true", "false", "none", "forward", "forwardAndReverse"];
    private static readonly string[] OidcEnvironments = ["test", "azure", "gcp", "k8s"];

    public static ClientCredential Build(
        string? mechanism, string? userName, string? password, string? authSource, string? database, IReadOnlyDictionary<string, string>? properties)
    {
        var given = properties ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return mechanism switch
        {
            AuthMechanisms.X509 => X509Credential.Create(userName, password, authSource, properties).ToClientCredential(),
            AuthMechanisms.Gssapi => Gssapi(userName, password, authSource, given),
            AuthMechanisms.Aws => Aws(userName, password, authSource, given),
            AuthMechanisms.Oidc => Oidc(userName, password, authSource, given),
            AuthMechanisms.Plain => WithUser(mechanism, userName) with
            {
                Password = password,
                Source = authSource ?? database ?? AuthMechanisms.ExternalSource,
            },
            _ => Scram(mechanism, userName, password, authSource ?? database ?? "admin"),
        };
    }

    private static ClientCredential Scram(string? mechanism, string? userName, string? password, string source)
    {
        var credential = WithUser(mechanism, userName);
        if (password is null)
        {
            throw new ClientConfigurationException($"A password is required for {mechanism ?? "SCRAM"}: write user:password@host (an empty password is user:@host).");
        }

        return credential with { Password = password, Source = source };
    }

    private static ClientCredential Gssapi(string? userName, string? password, string? authSource, IReadOnlyDictionary<string, string> given)
    {
        RequireExternal(AuthMechanisms.Gssapi, authSource);
        RequireKnownProperties(AuthMechanisms.Gssapi, given,
            MechanismProperties.ServiceName, MechanismProperties.CanonicalizeHostName, MechanismProperties.ServiceRealm, MechanismProperties.ServiceHost);
        if (given.TryGetValue(MechanismProperties.CanonicalizeHostName, out var canonicalize)
            && !CanonicalizeHostNameValues.Contains(canonicalize, StringComparer.OrdinalIgnoreCase))
        {
            throw new ClientConfigurationException(
                $"CANONICALIZE_HOST_NAME must be one of {string.Join(", ", CanonicalizeHostNameValues)}, not '{canonicalize}'.");
        }

        var properties = new Dictionary<string, string>(given, StringComparer.OrdinalIgnoreCase);
        properties.TryAdd(MechanismProperties.ServiceName, "mongodb");
        return WithUser(AuthMechanisms.Gssapi, userName) with { Password = password, MechanismProperties = properties };
    }

    /// <summary>
    /// Since DRIVERS-3131, MONGODB-AWS takes credentials only from the environment (AWS SDK chain): temporary keys in
    /// a long-lived URI would expire under a running client. So no user, password or session token here.
    /// </summary>
    private static ClientCredential Aws(string? userName, string? password, string? authSource, IReadOnlyDictionary<string, string> given)
    {
        RequireExternal(AuthMechanisms.Aws, authSource);
        if (userName is not null || password is not null || given.ContainsKey(MechanismProperties.AwsSessionToken))
        {
            throw new ClientConfigurationException(
                "MONGODB-AWS takes its credentials from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, or an instance role), not from the connection string: remove the user name, password and AWS_SESSION_TOKEN.");
        }

        RequireKnownProperties(AuthMechanisms.Aws, given);
        return External(AuthMechanisms.Aws, null, given);
    }

    private static ClientCredential Oidc(string? userName, string? password, string? authSource, IReadOnlyDictionary<string, string> given)
    {
        RequireExternal(AuthMechanisms.Oidc, authSource);
        if (password is not null)
        {
            throw new ClientConfigurationException("MONGODB-OIDC takes no password: the identity provider's token is the proof. Remove ':password'.");
        }

        RequireKnownProperties(AuthMechanisms.Oidc, given, MechanismProperties.Environment, MechanismProperties.TokenResource);
        if (!given.TryGetValue(MechanismProperties.Environment, out var environment))
        {
            throw new ClientConfigurationException(
                "MONGODB-OIDC needs authMechanismProperties=ENVIRONMENT:<test|azure|gcp|k8s> (a callback cannot be given in a connection string).");
        }

        if (!OidcEnvironments.Contains(environment))
        {
            throw new ClientConfigurationException($"ENVIRONMENT must be one of {string.Join(", ", OidcEnvironments)}, not '{environment}'.");
        }

        var needsResource = environment is "azure" or "gcp";
        if (needsResource != given.ContainsKey(MechanismProperties.TokenResource))
        {
            throw new ClientConfigurationException(needsResource
                ? $"MONGODB-OIDC with ENVIRONMENT:{environment} needs TOKEN_RESOURCE (the token's audience)."
                : $"MONGODB-OIDC with ENVIRONMENT:{environment} takes no TOKEN_RESOURCE.");
        }

        // Only Azure uses a user name (the managed identity's client id).
        if (userName is not null && environment != "azure")
        {
            throw new ClientConfigurationException($"MONGODB-OIDC with ENVIRONMENT:{environment} takes no user name: remove the userinfo.");
        }

        return External(AuthMechanisms.Oidc, userName, given);
    }

    private static ClientCredential WithUser(string? mechanism, string? userName) =>
        userName is null
            ? throw new ClientConfigurationException($"{mechanism ?? "SCRAM"} requires a username: write user:password@host.")
            : new ClientCredential(userName, null, AuthMechanisms.ExternalSource, mechanism, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private static ClientCredential External(string mechanism, string? userName, IReadOnlyDictionary<string, string> properties) =>
        new(userName, null, AuthMechanisms.ExternalSource, mechanism, properties);

    private static void RequireExternal(string mechanism, string? authSource)
    {
        if (authSource is not null && authSource != AuthMechanisms.ExternalSource)
        {
            throw new ClientConfigurationException(
                $"authentication source must be $external or None for {mechanism}, not '{authSource}'. Use authSource=$external or leave it out.");
        }
    }

    private static void RequireKnownProperties(string mechanism, IReadOnlyDictionary<string, string> given, params string[] known)
    {
        var unknown = given.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ClientConfigurationException(
                $"{string.Join(", ", unknown)} is not a supported auth mechanism property for {mechanism}"
                + (known.Length == 0 ? "; it takes none." : $"; it takes {string.Join(", ", known)}."));
        }
    }
}
