using System.Globalization;
using System.Text;

namespace Tessera.Security.Names;

/// <summary>
/// mongod's RFC 4514 DN-string parser (<c>parseDN</c>), used for tlsX509ClusterAuthDNOverride, the
/// clusterAuthX509 attributes and DN strings in commands. Values are parsed as UTF-8 bytes, so hex escapes
/// such as <c>\D0\9A</c> rebuild multi-byte characters. The result is not yet normalised.
/// </summary>
public sealed class DistinguishedNameParser
{
    private const string EscapableCharacters = "\"+,;<>\\#= ";
    private const string CharactersToEscape = "\"+,;<>\\";

    private readonly byte[] _text;
    private int _position;

    private DistinguishedNameParser(byte[] text) => _text = text;

    private bool Done => _position >= _text.Length;

    public static X509Name Parse(string dn)
    {
        ArgumentNullException.ThrowIfNull(dn);
        byte[] bytes;
        try
        {
            bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(dn);
        }
        catch (EncoderFallbackException)
        {
            throw new DistinguishedNameException("DN strings must be valid UTF-8 strings");
        }

        if (bytes.Length == 0)
        {
            throw new DistinguishedNameException("Cannot parse empty DN");
        }

        return new DistinguishedNameParser(bytes).ParseAll();
    }

    /// <summary>Parses and then normalises, as every caller in mongod does before comparing names.</summary>
    public static X509Name ParseNormalized(string dn) => Parse(dn).Normalize();

    private X509Name ParseAll()
    {
        var rdns = new List<List<X509NameEntry>> { new() };
        while (!Done)
        {
            SkipSpaces(); // "CN=foo, OU=bar" is allowed for readability
            var name = ReadAttributeName();
            var oid = AttributeNames.OidOf(name)
                ?? throw new DistinguishedNameException($"DN contained an unknown OID {name}");
            rdns[^1].Add(new X509NameEntry(oid, X509NameEntry.Utf8StringTag, ReadValue()));
            if (Done)
            {
                break;
            }

            if (Current == (byte)',')
            {
                rdns.Add([]);
            }

            _position++; // past ',' or '+'
        }

        return new X509Name(rdns.Where(rdn => rdn.Count > 0));
    }

    private string ReadAttributeName()
    {
        var first = Get();
        Func<byte, bool> allowed;
        if (char.IsAsciiDigit((char)first))
        {
            allowed = b => char.IsAsciiDigit((char)b) || b == (byte)'.';
        }
        else if (char.IsAsciiLetter((char)first))
        {
            allowed = b => char.IsAsciiLetterOrDigit((char)b) || b == (byte)'-';
        }
        else
        {
            throw new DistinguishedNameException(
                $"DN attribute names must begin with either a digit or an alpha not '{CharacterAt(_position)}'");
        }

        var name = new StringBuilder();
        for (var b = Get(); b != (byte)'='; b = Advance())
        {
            if (b == (byte)' ')
            {
                continue;
            }

            if (!allowed(b))
            {
                throw new DistinguishedNameException($"DN attribute name contains an invalid character '{CharacterAt(_position)}'");
            }

            name.Append((char)b);
        }

        _position++; // past '='
        return name.ToString();
    }

    private byte[] ReadValue()
    {
        SkipSpaces();
        var value = new List<byte>();
        var trailingSpaces = 0;
        if (Get() == (byte)'#')
        {
            throw new DistinguishedNameException("Raw DER sequences are not supported in DN strings");
        }

        while (!Done && Current != (byte)',' && Current != (byte)'+')
        {
            var b = Current;
            if (b == (byte)'\\')
            {
                var escaped = Advance();
                if (EscapableCharacters.Contains((char)escaped, StringComparison.Ordinal))
                {
                    value.Add(escaped);
                }
                else if (char.IsAsciiHexDigit((char)escaped))
                {
                    var low = Advance();
                    if (!char.IsAsciiHexDigit((char)low))
                    {
                        throw new DistinguishedNameException("Escaped hex value contains invalid character");
                    }

                    value.Add(byte.Parse($"{(char)escaped}{(char)low}", NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
                else
                {
                    throw new DistinguishedNameException($"Invalid escaped character '{CharacterAt(_position)}'");
                }

                trailingSpaces = 0; // an escaped space is significant
            }
            else if (b < 0x80 && CharactersToEscape.Contains((char)b, StringComparison.Ordinal))
            {
                throw new DistinguishedNameException($"Found unescaped character that should be escaped: '{(char)b}'");
            }
            else
            {
                trailingSpaces = b == (byte)' ' ? trailingSpaces + 1 : 0;
                value.Add(b);
            }

            _position++;
        }

        // Unescaped trailing spaces are not part of the value (RFC 4514 requires them to be escaped).
        value.RemoveRange(value.Count - trailingSpaces, trailingSpaces);
        return [.. value];
    }

    private byte Current => _text[_position];

    private byte Get() =>
        Done ? throw new DistinguishedNameException(DistinguishedNameException.Overflow, "Overflowed string while parsing DN string") : Current;

    private byte Advance()
    {
        _position++;
        return Get();
    }

    private void SkipSpaces()
    {
        while (!Done && Current == (byte)' ')
        {
            _position++;
        }
    }

    // For messages: the whole character at a position, even when it takes several UTF-8 bytes.
    private string CharacterAt(int position) =>
        Rune.DecodeFromUtf8(_text.AsSpan(position), out var rune, out _) == System.Buffers.OperationStatus.Done
            ? rune.ToString()
            : ((char)_text[position]).ToString();
}
