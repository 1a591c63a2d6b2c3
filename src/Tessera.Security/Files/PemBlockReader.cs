using System.Text;
using System.Text.RegularExpressions;

namespace Tessera.Security.Files;

/// <summary>
/// Splits PEM text into its blocks, in file order.
/// </summary>
/// <remarks>
/// <see cref="System.Security.Cryptography.PemEncoding"/> rejects blocks with RFC 1421 headers, and the
/// traditional encrypted keys that openssl still writes have them (<c>Proc-Type</c>, <c>DEK-Info</c>);
/// so this reader keeps the headers instead of skipping such blocks, which would turn "wrong password"
/// into a misleading "no private key".
/// </remarks>
internal static partial class PemBlockReader
{
    [GeneratedRegex(@"-----BEGIN (?<label>[A-Z0-9 ]+)-----(?<body>.*?)-----END \k<label>-----", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BlockPattern();

    /// <summary>True when the bytes look like PEM text (they contain a BEGIN line).</summary>
    public static bool LooksLikePem(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf("-----BEGIN "u8) >= 0;

    public static IReadOnlyList<PemBlock> Read(byte[] bytes, SourceFile file)
    {
        var text = Encoding.ASCII.GetString(bytes);
        var blocks = new List<PemBlock>();
        foreach (Match match in BlockPattern().Matches(text))
        {
            var label = match.Groups["label"].Value;
            var ordinal = blocks.Count + 1;
            var (headers, base64) = SplitHeaders(match.Groups["body"].Value);
            byte[] contents;
            try
            {
                contents = Convert.FromBase64String(base64);
            }
            catch (FormatException e)
            {
                throw file.Error(CertificateFileError.MalformedContent,
                    $"{file.Named}: PEM block {ordinal} ('{label}') is not valid base64; the file was damaged (edited, truncated or converted); export it again.", e);
            }

            blocks.Add(new PemBlock(label, headers, contents, match.Value, ordinal));
        }

        return blocks;
    }

    private static (IReadOnlyDictionary<string, string> Headers, string Base64) SplitHeaders(string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var base64 = new StringBuilder();
        var inHeaders = true;
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim();
            if (inHeaders)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                inHeaders = false;
            }

            base64.Append(line);
        }

        return (headers, base64.ToString());
    }
}
