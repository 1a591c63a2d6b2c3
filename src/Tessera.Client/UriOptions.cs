using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Tessera.Client;

/// <summary>
/// The validated options of a connection string, keyed by the spec's spelling (looked up case-insensitively), in the
/// order first given. Values are bool, int, string, a string list (compressors), a string dictionary
/// (authMechanismProperties) or a list of them (readPreferenceTags). Invalid or unknown options are not here: they
/// became warnings.
/// </summary>
public sealed class UriOptions : IReadOnlyDictionary<string, object>
{
    /// <summary>What secrets are shown as, wherever options are printed.</summary>
    public const string RedactedValue = "<password>";

    private readonly Dictionary<string, object> values;

    internal UriOptions(Dictionary<string, object> values) => this.values = values;

    public static UriOptions Empty { get; } = new(new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase));

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<object> Values => values.Values;

    public object this[string key] => values[key];

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => values.TryGetValue(key, out value);

    public bool? GetBoolean(string name) => values.TryGetValue(name, out var value) && value is bool flag ? flag : null;

    public int? GetInt32(string name) => values.TryGetValue(name, out var value) && value is int number ? number : null;

    public string? GetString(string name) => values.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The options for display: the same names and values, with every secret replaced by <see cref="RedactedValue"/>.</summary>
    public IReadOnlyDictionary<string, object> Redacted() =>
        values.ToDictionary(p => p.Key, p => UriOptionCatalog.IsSecret(p.Key) ? RedactedValue : p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy with one more (or one replaced) option.</summary>
    internal UriOptions With(string name, object value) =>
        new(new Dictionary<string, object>(values, StringComparer.OrdinalIgnoreCase) { [name] = value });

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
