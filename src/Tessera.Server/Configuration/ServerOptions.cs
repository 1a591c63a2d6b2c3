namespace Tessera.Server.Configuration;

/// <summary>
/// What <c>tessera serve</c> runs with, under mongod's option names. Made by <see cref="ServerOptionsParser"/>
/// and checked by <see cref="ServerOptionsValidator"/>; immutable, adjust with <c>with</c> and validate again.
/// </summary>
public sealed record ServerOptions
{
    public static ServerOptions Defaults { get; } = new();

    public NetOptions Net { get; init; } = new();

    public SecurityOptions Security { get; init; } = new();

    public StorageOptions Storage { get; init; } = new();

    public SystemLogOptions SystemLog { get; init; } = new();

    public ServerParameters Parameters { get; init; } = new();

    /// <summary>The <c>--config</c> / <c>-f</c> file, if one was read.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The command-line arguments as given, with password values already replaced by <c>&lt;password&gt;</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>
    /// The canonical names of the settings that were given (by file or command line), such as <c>net.port</c>
    /// or <c>setParameter.ocspEnabled</c>. Some checks and getCmdLineOpts depend on whether a value was given.
    /// </summary>
    public IReadOnlySet<string> GivenSettings { get; init; } = new HashSet<string>();

    public bool WasGiven(string setting) => GivenSettings.Contains(setting);
}
