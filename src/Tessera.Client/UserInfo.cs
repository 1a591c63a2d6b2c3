namespace Tessera.Client;

/// <summary>
/// user[:password] from before the '@'. Null and empty passwords differ ("alice" against "alice:"), which matters for
/// mechanisms such as MONGODB-X509 that refuse any password.
/// </summary>
internal sealed record UserInfo(string UserName, string? Password)
{
    public static UserInfo Parse(string text)
    {
        // '@', a second ':' or a bare '%' would make the split ambiguous, so the spec requires them to be escaped.
        if (text.Contains('@', StringComparison.Ordinal) || text.Count(c => c == ':') > 1 || PercentEncoding.HasUnescapedPercent(text))
        {
            throw new InvalidUriException(
                "Username and password must be escaped according to RFC 3986: percent-encode '@', ':', '/' and '%' in them (Uri.EscapeDataString does).");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var user = PercentEncoding.Decode(colon < 0 ? text : text[..colon], "user name");
        if (user.Length == 0)
        {
            throw new InvalidUriException("The empty string is not valid username: give a user name before the '@', or remove the '@'.");
        }

        return new UserInfo(user, colon < 0 ? null : PercentEncoding.Decode(text[(colon + 1)..], "password"));
    }
}
