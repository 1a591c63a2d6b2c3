namespace Tessera.Client;

/// <summary>
/// Who the client authenticates as, per the auth spec's MongoCredential: a null <see cref="Mechanism"/> means
/// "negotiate" (SCRAM). <see cref="Password"/> is never shown by <see cref="ToString"/>.
/// </summary>
public sealed record ClientCredential(
    string? UserName, string? Password, string Source, string? Mechanism, IReadOnlyDictionary<string, string> MechanismProperties)
{
    /// <summary>
    /// The credential a connection string asks for, or null when it asks for none (no userinfo and no authMechanism:
    /// a database or authSource alone does not mean authentication). Throws <see cref="ClientConfigurationException"/>
    /// when the mechanism's rules are broken (e.g. a password with MONGODB-X509).
    /// </summary>
    public static ClientCredential? FromConnectionString(ConnectionString connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (connectionString.UserName is null && connectionString.AuthMechanism is null)
        {
            return null;
        }

        return MechanismRules.Build(
            connectionString.AuthMechanism,
            connectionString.UserName,
            connectionString.Password,
            connectionString.AuthSource,
            connectionString.Database,
            connectionString.Options.ContainsKey(UriOptionNames.AuthMechanismProperties) ? connectionString.AuthMechanismProperties : null);
    }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UserName = {UserName}, Password = {(Password is null ? "" : UriOptions.RedactedValue)}, Source = {Source}, Mechanism = {Mechanism}, ");
        builder.Append($"MechanismProperties = {{{string.Join(", ", MechanismProperties.Select(p => $"{p.Key}: {p.Value}"))}}}");
        return true;
    }
}
