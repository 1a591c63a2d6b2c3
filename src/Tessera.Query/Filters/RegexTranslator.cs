using System.Text.RegularExpressions;

namespace Tessera.Query.Filters;

/// <summary>
/// Compiles a MongoDB (PCRE) regular expression with its options for .NET. The options mongod accepts
/// are i, m, s and x; anything else is mongod's error 51108. .NET's syntax covers the PCRE that
/// queries use in practice; a pattern .NET cannot read is mongod's error 51091.
/// </summary>
internal static class RegexTranslator
{
    // A query must not hang the server on a catastrophic pattern.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    public static Regex Compile(string pattern, string options)
    {
        if (pattern.Contains('\0', StringComparison.Ordinal))
        {
            throw new QueryException(ErrorCodes.BadValue, "Regular expression cannot contain an embedded null byte");
        }

        var regexOptions = RegexOptions.CultureInvariant;
        foreach (var flag in options)
        {
            regexOptions |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw new QueryException(51108, $"invalid flag in regex options: {flag}"),
            };
        }

        try
        {
            return new Regex(pattern, regexOptions, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new QueryException(51091, $"Regular expression is invalid: {e.Message}");
        }
    }
}
