using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tessera.Client;

/// <summary>
/// The comma-separated seed list: hostnames, IPv4 addresses, [IPv6] literals, and percent-encoded Unix socket paths
/// ending in ".sock" (encoded because an unescaped '/' would end the host list).
/// </summary>
internal static class HostListParser
{
    public static IReadOnlyList<ServerAddress> Parse(string hostList)
    {
        if (hostList.Length == 0)
        {
            throw new InvalidUriException("The connection string has no host: give at least one, e.g. mongodb://localhost:27017.");
        }

        return [.. hostList.Split(',').Select(ParseOne)];
    }

    private static ServerAddress ParseOne(string text)
    {
        if (text.Length == 0)
        {
            throw new InvalidUriException("The host list has an empty entry: remove the extra ','.");
        }

        if (text[0] == '[')
        {
            return ParseIPLiteral(text);
        }

        var decoded = PercentEncoding.Decode(text, $"host '{text}'");
        if (decoded.EndsWith(".sock", StringComparison.OrdinalIgnoreCase))
        {
            // A socket path has no port: its ':' (if any) belongs to the path.
            return new ServerAddress(decoded, null, HostKind.UnixSocket);
        }

        var colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            throw new InvalidUriException(
                $"The host '{text}' has more than one ':'. Write host:port, and put an IPv6 address in brackets: [::1]:27017.");
        }

        var (host, port) = colons == 1 ? (text[..text.IndexOf(':', StringComparison.Ordinal)], ParsePort(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], text)) : (text, (int?)null);
        host = PercentEncoding.Decode(host, $"host '{text}'");
        if (host.Length == 0)
        {
            throw new InvalidUriException($"The host '{text}' has a port but no host name.");
        }

        if (host.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or '?' or '#' or '@' or '[' or ']'))
        {
            throw new InvalidUriException($"The host '{host}' contains a character a host name cannot have.");
        }

        var kind = IsIPv4(host) ? HostKind.IPv4 : HostKind.Hostname;

        // Host names are case-insensitive; lower-casing them lets seeds be compared (PyMongo does the same).
        return new ServerAddress(kind == HostKind.Hostname ? host.ToLowerInvariant() : host, port, kind);
    }

    private static ServerAddress ParseIPLiteral(string text)
    {
        var close = text.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            throw new InvalidUriException($"The host '{text}' opens an IPv6 literal with '[' but never closes it with ']'.");
        }

        var address = text[1..close];
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new InvalidUriException($"'{address}' in brackets is not an IPv6 address.");
        }

        var rest = text[(close + 1)..];
        if (rest.Length == 0)
        {
            return new ServerAddress(address, null, HostKind.IPLiteral);
        }

        if (rest[0] != ':')
        {
            throw new InvalidUriException($"The host '{text}' has text after ']' that is not ':port'.");
        }

        return new ServerAddress(address, ParsePort(rest[1..], text), HostKind.IPLiteral);
    }

    private static int ParsePort(string port, string host)
    {
        if (port.Length == 0 || !port.All(char.IsAsciiDigit)
            || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
        {
            throw new InvalidUriException($"The port in '{host}' must be a number from 1 to 65535, not '{port}'.");
        }

        return value;
    }

    private static bool IsIPv4(string host)
    {
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)
                                                   && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }
}
