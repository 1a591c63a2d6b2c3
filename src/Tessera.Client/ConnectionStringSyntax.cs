namespace Tessera.Client;

/// <summary>
/// The connection string cut into its parts, before any meaning is given to them:
/// scheme://[userinfo@]hosts[/[database]][?options].
/// </summary>
internal sealed record ConnectionStringSyntax(bool IsSrv, string? UserInfo, string HostList, string? DatabasePath, string? Query)
{
    public const string Scheme = "mongodb://";
    public const string SrvScheme = "mongodb+srv://";

    public static ConnectionStringSyntax Split(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new InvalidUriException("The connection string is empty: give one such as mongodb://localhost:27017.");
        }

        bool isSrv;
        if (uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            isSrv = false;
        }
        else if (uri.StartsWith(SrvScheme, StringComparison.OrdinalIgnoreCase))
        {
            isSrv = true;
        }
        else
        {
            throw new InvalidUriException("Invalid URI scheme: the connection string must begin with 'mongodb://' or 'mongodb+srv://'.");
        }

        var rest = uri[(isSrv ? SrvScheme : Scheme).Length..];

        // The host part ends at the first '/' or '?': the spec allows "host?options" without the slash, and options or
        // the database may contain '@', which must not be taken for the end of the userinfo.
        var hostEnd = rest.IndexOfAny(['/', '?']);
        var hostPart = hostEnd < 0 ? rest : rest[..hostEnd];
        string? path = null;
        string? query = null;
        if (hostEnd >= 0)
        {
            var tail = rest[hostEnd..];
            var questionMark = tail.IndexOf('?', StringComparison.Ordinal);
            if (tail[0] == '/')
            {
                path = questionMark < 0 ? tail[1..] : tail[1..questionMark];
            }

            query = questionMark < 0 ? null : tail[(questionMark + 1)..];
        }

        var at = hostPart.LastIndexOf('@');
        return at < 0
            ? new ConnectionStringSyntax(isSrv, null, hostPart, path, query)
            : new ConnectionStringSyntax(isSrv, hostPart[..at], hostPart[(at + 1)..], path, query);
    }
}
