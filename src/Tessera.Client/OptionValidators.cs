using System.Globalization;
using System.Text;

namespace Tessera.Client;

/// <summary>
/// The value rules of the URI-options spec, one per value type. A validator never throws: a bad value is a warning
/// and the option is dropped, as the connection-string spec requires.
/// </summary>
internal static class OptionValidators
{
    private static readonly string[] LegacyTrue = ["1", "yes", "y", "t"];
    private static readonly string[] LegacyFalse = ["0", "-1", "no", "n", "f"];

    public static OptionValue Boolean(string name, string text)
    {
        if (text is "true" or "false")
        {
            return OptionValue.Of(text == "true");
        }

        var lower = text.ToLowerInvariant();
        bool? value = lower == "true" || LegacyTrue.Contains(lower) ? true : lower == "false" || LegacyFalse.Contains(lower) ? false : null;
        if (value is not bool parsed)
        {
            return OptionValue.Invalid("expected 'true' or 'false'");
        }

        // The spec keeps the old spellings working but asks for this exact warning so users move to true/false.
        var canonical = parsed ? "true" : "false";
        return new OptionValue(parsed, null, $"Deprecated boolean value for \"{name}\" : \"{text}\", please update to \"{name}={canonical}\"");
    }

    public static OptionValue String(string text) => OptionValue.Of(text);

    public static Func<string, string, OptionValue> Integer(int minimum, int maximum = int.MaxValue, string? expectation = null) => (_, text) =>
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return OptionValue.Invalid("expected an integer");
        }

        return value >= minimum && value <= maximum
            ? OptionValue.Of(value)
            : OptionValue.Invalid(expectation ?? (maximum == int.MaxValue ? $"expected an integer >= {minimum}" : $"expected an integer from {minimum} to {maximum}"));
    };

    /// <summary>-1 turns the check off; otherwise a positive number of seconds (the server-selection spec rejects 0).</summary>
    public static OptionValue MaxStalenessSeconds(string name, string text)
    {
        var result = Integer(-1)(name, text);
        return result.Value is 0 ? OptionValue.Invalid("expected -1 or a positive integer") : result;
    }

    /// <summary>Whole names from a fixed set, matched case-insensitively and returned in the spec's spelling.</summary>
    public static Func<string, string, OptionValue> OneOf(params string[] allowed) => (_, text) =>
    {
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return match is null ? OptionValue.Invalid("expected one of " + string.Join(", ", allowed)) : OptionValue.Of(match);
    };

    /// <summary>The handshake spec limits the application name to 128 bytes of UTF-8.</summary>
    public static OptionValue AppName(string name, string text) =>
        Encoding.UTF8.GetByteCount(text) <= 128 ? OptionValue.Of(text) : OptionValue.Invalid("longer than 128 bytes");

    /// <summary>w: a non-negative number of acknowledgements, or a name ("majority" or a tag set).</summary>
    public static OptionValue WriteConcern(string name, string text)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return count >= 0 ? OptionValue.Of(count) : OptionValue.Invalid("expected a non-negative integer or a name such as 'majority'");
        }

        return OptionValue.Of(text);
    }

    /// <summary>Unknown compressors are dropped with a warning; the rest keep the order the user gave (their preference).</summary>
    public static OptionValue Compressors(string name, string text)
    {
        string[] known = ["snappy", "zlib", "zstd"];
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        var kept = names.Except(unknown).Select(n => n.ToLowerInvariant()).Distinct().ToList();
        if (unknown.Count == 0)
        {
            return OptionValue.Of(kept);
        }

        var problem = $"unsupported compressor(s) {string.Join(", ", unknown)} (supported: snappy, zlib, zstd)";
        return kept.Count == 0 ? OptionValue.Invalid(problem) : new OptionValue(kept, null, $"Unsupported value for \"{name}\" : {problem}; they are ignored.");
    }

    /// <summary>
    /// key:value pairs separated by ','. The whole value is percent-decoded first, then split on ',' and at each pair's
    /// first ':' (PyMongo's order), so TOKEN_RESOURCE:mongodb://host works and an encoded ',' still splits.
    /// </summary>
    public static OptionValue AuthMechanismProperties(string name, string text)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(','))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
            {
                return OptionValue.Invalid($"'{pair}' is not a KEY:value pair (a ',' inside a value must be avoided)");
            }

            var key = pair[..colon];
            properties[MechanismProperties.Canonical(key)] = pair[(colon + 1)..];
        }

        return OptionValue.Of(properties);
    }

    /// <summary>One tag set: "dc:ny,rack:1", or empty for "any server" (so an empty value is meaningful here).</summary>
    public static OptionValue ReadPreferenceTags(string name, string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Length == 0)
        {
            return OptionValue.Of(tags);
        }

        foreach (var pair in text.Split(','))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return OptionValue.Invalid($"'{pair}' is not a tag:value pair");
            }

            tags[pair[..colon]] = pair[(colon + 1)..];
        }

        return OptionValue.Of(tags);
    }
}
