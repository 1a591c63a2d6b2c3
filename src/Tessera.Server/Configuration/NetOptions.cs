namespace Tessera.Server.Configuration;

/// <summary><c>net</c>: where the server listens and how many connections it takes.</summary>
public sealed record NetOptions
{
    public const int DefaultPort = 27017;

    /// <summary>
    /// mongod's default is 1,000,000 capped by the file-descriptor limit; Tessera takes a fixed ceiling that
    /// a default Linux <c>ulimit -n</c> raised for servers can honour, rather than one it never could.
    /// </summary>
    public const int DefaultMaxIncomingConnections = 65536;

    public static IReadOnlyList<string> DefaultBindIp { get; } = ["127.0.0.1"];

    /// <summary>0 asks the operating system for a free port (tests use it).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Addresses to listen on, from the comma list <c>net.bindIp</c> / <c>--bind_ip</c>.</summary>
    public IReadOnlyList<string> BindIp { get; init; } = DefaultBindIp;

    /// <summary><c>--bind_ip_all</c>: every IPv4 and IPv6 address; <see cref="BindIp"/> is then ignored.</summary>
    public bool BindIpAll { get; init; }

    public int MaxIncomingConnections { get; init; } = DefaultMaxIncomingConnections;

    public TlsOptions Tls { get; init; } = new();
}
