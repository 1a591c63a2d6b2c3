using MongoDB.Bson;

namespace Tessera.Server.Configuration;

/// <summary>
/// One setting <c>tessera serve</c> accepts: its canonical YAML key (parameters are <c>setParameter.name</c>),
/// its command-line spelling, the legacy <c>ssl</c> spellings mongod canonicalises to it, how to store a value
/// in <see cref="ServerOptions"/>, and how getCmdLineOpts shows it.
/// </summary>
internal sealed record SettingDefinition
{
    public const string ParameterPrefix = "setParameter.";

    public required string Key { get; init; }

    public required SettingKind Kind { get; init; }

    /// <summary>
    /// Stores a converted value (int, bool, string or <see cref="Password"/>). A
    /// <see cref="ServerConfigurationException"/> without a setting is a reason the caller phrases for the
    /// setting as the user spelled it; one with a setting is mongod's own message and passes through.
    /// </summary>
    public required Func<ServerOptions, object, ServerOptions> Apply { get; init; }

    /// <summary>The value as getCmdLineOpts shows it; null for a setting mongod folds into another.</summary>
    public Func<ServerOptions, BsonValue>? Render { get; init; }

    public string? CommandLineName { get; init; }

    public string? LegacyKey { get; init; }

    public string? LegacyCommandLineName { get; init; }

    /// <summary>Rewrites a value given under the legacy name (sslMode's requireSSL becomes requireTLS).</summary>
    public Func<string, string>? CanonicalizeLegacyValue { get; init; }

    public int Minimum { get; init; } = int.MinValue;

    public int Maximum { get; init; } = int.MaxValue;

    public bool IsParameter => Key.StartsWith(ParameterPrefix, StringComparison.Ordinal);

    public string ParameterName => IsParameter ? Key[ParameterPrefix.Length..] : Key;
}
