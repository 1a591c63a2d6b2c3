using System.Collections;
using System.Text.Json;

namespace Tessera.Client.Tests.Spec;

/// <summary>Compares an expected value from a spec file with a parsed one; objects are subset matches with case-insensitive keys.</summary>
internal static class JsonExpectation
{
    public static string? Mismatch(JsonElement expected, object? actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                return actual is null ? null : $"{path}: expected null, got {actual}";
            case JsonValueKind.True or JsonValueKind.False:
                return actual is bool b && b == expected.GetBoolean() ? null : $"{path}: expected {expected}, got {actual ?? "nothing"}";
            case JsonValueKind.Number:
                return actual is int i && i == expected.GetInt32() ? null : $"{path}: expected {expected}, got {actual ?? "nothing"}";
            case JsonValueKind.String:
                return actual is string s && s == expected.GetString() ? null : $"{path}: expected \"{expected.GetString()}\", got {actual ?? "nothing"}";
            case JsonValueKind.Object:
                if (actual is not IEnumerable entries)
                {
                    return $"{path}: expected an object, got {actual ?? "nothing"}";
                }

                var lookup = ToLookup(entries);
                foreach (var property in expected.EnumerateObject())
                {
                    if (!lookup.TryGetValue(property.Name, out var value))
                    {
                        return $"{path}.{property.Name}: missing";
                    }

                    var mismatch = Mismatch(property.Value, value, $"{path}.{property.Name}");
                    if (mismatch is not null)
                    {
                        return mismatch;
                    }
                }

                return null;
            default:
                return $"{path}: cannot compare {expected.ValueKind}";
        }
    }

    private static Dictionary<string, object?> ToLookup(IEnumerable entries)
    {
        var lookup = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case KeyValuePair<string, object> pair:
                    lookup[pair.Key] = pair.Value;
                    break;
                case KeyValuePair<string, string> pair:
                    lookup[pair.Key] = pair.Value;
                    break;
            }
        }

        return lookup;
    }
}
