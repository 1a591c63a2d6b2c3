using System.Text;

namespace Tessera.Client;

/// <summary>
/// RFC 3986 percent-decoding for the parts of a connection string. Unlike PyMongo's <c>unquote_plus</c>, '+' stays
/// '+': the spec tests expect sub-delimiters such as '+' in a user name to survive unescaped.
/// </summary>
internal static class PercentEncoding
{
    /// <summary>True when a '%' is not followed by two hex digits: the spec makes such userinfo an error.</summary>
    public static bool HasUnescapedPercent(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && !(i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes %XX escapes as UTF-8; a stray '%' or an escape that is not UTF-8 is an error naming the part.</summary>
    public static string Decode(string text, string part)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        if (HasUnescapedPercent(text))
        {
            throw new InvalidUriException($"The {part} contains a '%' that is not a percent-escape (%XX): escape it as %25.");
        }

        var bytes = new List<byte>(text.Length);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            FlushBytes(bytes, result, part);
            result.Append(text[i]);
        }

        FlushBytes(bytes, result, part);
        return result.ToString();
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void FlushBytes(List<byte> bytes, StringBuilder result, string part)
    {
        if (bytes.Count == 0)
        {
            return;
        }

        try
        {
            result.Append(StrictUtf8.GetString(bytes.ToArray()));
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidUriException($"The {part} has percent-escapes that are not UTF-8.", e);
        }

        bytes.Clear();
    }
}
