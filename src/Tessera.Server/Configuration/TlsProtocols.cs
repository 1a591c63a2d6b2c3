namespace Tessera.Server.Configuration;

/// <summary>TLS protocol versions, as named by <c>net.tls.disabledProtocols</c> and <c>net.tls.logVersions</c>.</summary>
[Flags]
public enum TlsProtocols
{
    None = 0,
    Tls1_0 = 1,
    Tls1_1 = 2,
    Tls1_2 = 4,
    Tls1_3 = 8,
    All = Tls1_0 | Tls1_1 | Tls1_2 | Tls1_3,
}
