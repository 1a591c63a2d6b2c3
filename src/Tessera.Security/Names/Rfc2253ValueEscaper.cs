using System.Text;

namespace Tessera.Security.Names;

/// <summary>
/// mongod's <c>escapeRfc2253</c>, byte for byte: the user name an X.509 client must be created with
/// depends on every quirk here, so none is "fixed" (see server-behavior.md §2.4).
/// </summary>
public static class Rfc2253ValueEscaper
{
    private const string Specials = ",+\"\\<>;";

    public static string Escape(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        var output = new StringBuilder(value.Length + 8);
        var start = 0;
        if (value[0] == (byte)' ' || value[0] == (byte)'#')
        {
            output.Append('\\').Append((char)value[0]);
            start = 1;
        }

        foreach (var b in value[start..])
        {
            if (b >= 0x80)
            {
                // Every byte of a multi-byte UTF-8 character, in upper-case hex.
                output.Append('\\').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                if (Specials.Contains((char)b, StringComparison.Ordinal))
                {
                    output.Append('\\');
                }

                output.Append((char)b);
            }
        }

        // mongod escapes a trailing space only once the output is longer than two characters:
        // "a " stays as it is, "; " becomes "\;\ ".
        if (output.Length > 2 && output[^1] == ' ')
        {
            output.Length--;
            output.Append("\\ ");
        }

        return output.ToString();
    }
}
