namespace Tessera.Client;

/// <summary>How a host in a connection string was written; the spec tests name these ipv4, ip_literal, hostname and unix.</summary>
public enum HostKind
{
    Hostname,
    IPv4,
    IPLiteral,
    UnixSocket,
}
