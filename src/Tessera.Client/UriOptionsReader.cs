namespace Tessera.Client;

/// <summary>
/// Reads the query string: key=value pairs separated by '&amp;' (or ';', not both). Keys are case-insensitive; values
/// are percent-decoded. Unknown keys, bad values, empty values, legacy booleans and repeats become warnings, as the
/// connection-string spec requires. Records which keys were present (valid or not) for the presence-based TLS rules.
/// </summary>
internal sealed class UriOptionsReader
{
    private readonly Dictionary<string, object> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Key, string Value)> deprecatedAliases = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Canonical names of every known option given, whatever its value.</summary>
    public HashSet<string> Present { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each tls or ssl instance, as given, with its value when it was a valid boolean (spec rule 8).</summary>
    public List<(string Key, bool? Value)> TlsInstances { get; } = [];

    public UriOptions Options => new(values);

    public static UriOptionsReader Read(string? query)
    {
        var reader = new UriOptionsReader();
        if (!string.IsNullOrEmpty(query))
        {
            reader.ReadAll(query);
        }

        return reader;
    }

    private void ReadAll(string query)
    {
        if (query.Contains('&', StringComparison.Ordinal) && query.Contains(';', StringComparison.Ordinal))
        {
            throw new InvalidUriException("Can not mix '&' and ';' for option separators");
        }

        foreach (var pair in query.Split(query.Contains(';', StringComparison.Ordinal) ? ';' : '&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new InvalidUriException($"The option '{pair}' has no value: write {pair}=value, or remove it.");
            }

            Read(pair[..equals], DecodeValue(pair[(equals + 1)..]));
        }

        ApplyDeprecatedAliases();
    }

    /// <summary>Like Python's unquote, a '%' that starts no escape is kept as it is rather than failing the whole URI.</summary>
    private static string DecodeValue(string raw) => PercentEncoding.HasUnescapedPercent(raw) ? raw : PercentEncoding.Decode(raw, "option value");

    private void Read(string key, string value)
    {
        var definition = UriOptionCatalog.Find(key);
        if (definition is null)
        {
            Warnings.Add(UriWarnings.UnknownOption(key));
            return;
        }

        // The auth spec makes an empty authSource an error rather than an ignored option: a credential would
        // otherwise silently go to another database.
        if (value.Length == 0 && definition.Name == UriOptionNames.AuthSource)
        {
            throw new InvalidUriException("the authSource database cannot be an empty string: give a database name after authSource=, or remove it.");
        }

        if (value.Length == 0 && !definition.AcceptsEmpty)
        {
            Warnings.Add(UriWarnings.EmptyValue(key));
            return;
        }

        Present.Add(definition.Name);
        if (!definition.IsRepeatable && !seen.Add(definition.Name))
        {
            Warnings.Add(UriWarnings.Duplicate(key));
        }

        var result = definition.Validate(key, value);
        if (definition.StoredAs == UriOptionNames.Tls)
        {
            TlsInstances.Add((key, result.Value as bool?));
        }

        if (result.Problem is not null)
        {
            Warnings.Add(definition.IsSecret ? UriWarnings.InvalidSecretValue(key, result.Problem) : UriWarnings.InvalidValue(key, value, result.Problem));
            return;
        }

        if (result.Deprecation is not null)
        {
            Warnings.Add(result.Deprecation);
        }

        if (definition.ReplacedBy is not null)
        {
            deprecatedAliases.Add((key, definition.ReplacedBy));
        }

        Store(definition, result.Value!);
    }

    private void Store(UriOptionDefinition definition, object value)
    {
        if (definition.IsRepeatable)
        {
            if (!values.TryGetValue(definition.StoredAs, out var list))
            {
                values[definition.StoredAs] = list = new List<object>();
            }

            ((List<object>)list).Add(value);
            return;
        }

        // A deprecated alias never overrides its replacement, whatever the order.
        if (definition.ReplacedBy is not null && seen.Contains(definition.ReplacedBy))
        {
            return;
        }

        values[definition.StoredAs] = value;
    }

    private void ApplyDeprecatedAliases()
    {
        foreach (var (key, replacement) in deprecatedAliases)
        {
            Warnings.Add(seen.Contains(replacement) ? UriWarnings.DeprecatedIgnored(key, replacement) : UriWarnings.Deprecated(key, replacement));
        }
    }
}
