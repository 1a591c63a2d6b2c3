using System.Globalization;

namespace Tessera.Client;

/// <summary>One seed from the host list. <see cref="Port"/> is null when the URI gave none (the spec tests tell the two apart).</summary>
public sealed record ServerAddress(string Host, int? Port, HostKind Kind)
{
    public const int DefaultPort = 27017;

    /// <summary>The port a connection uses: the given one, or 27017.</summary>
    public int EffectivePort => Port ?? DefaultPort;

    /// <summary>host:port, with brackets around an IPv6 literal; a Unix socket is its path.</summary>
    public override string ToString() => Kind switch
    {
        HostKind.UnixSocket => Host,
        HostKind.IPLiteral => $"[{Host}]:{EffectivePort.ToString(CultureInfo.InvariantCulture)}",
        _ => $"{Host}:{EffectivePort.ToString(CultureInfo.InvariantCulture)}",
    };
}
