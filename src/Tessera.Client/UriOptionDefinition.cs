namespace Tessera.Client;

/// <summary>
/// One option a connection string may carry. <see cref="StoredAs"/> differs from <see cref="Name"/> for aliases
/// (ssl is stored as tls, the deprecated wtimeout as wTimeoutMS).
/// </summary>
internal sealed record UriOptionDefinition(string Name, Func<string, string, OptionValue> Validate)
{
    public string StoredAs { get; init; } = Name;

    /// <summary>Never printed in clear (a key password, a proxy password).</summary>
    public bool IsSecret { get; init; }

    /// <summary>May be given several times, each adding a value (readPreferenceTags); not a "duplicate".</summary>
    public bool IsRepeatable { get; init; }

    /// <summary>An empty value has a meaning of its own instead of being ignored.</summary>
    public bool AcceptsEmpty { get; init; }

    /// <summary>Set for a deprecated spelling: the option to use instead.</summary>
    public string? ReplacedBy { get; init; }
}
