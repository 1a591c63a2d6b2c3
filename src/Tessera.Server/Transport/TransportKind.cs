using Tessera.Wire;

namespace Tessera.Server.Transport;

public enum TransportKind
{
    Plaintext,
    Tls,
    Http,
}

/// <summary>
/// Tells TLS from plaintext on one port as mongod does (server-behavior.md §5.1): the first 16 bytes are read as a
/// wire header; a responseTo other than 0 or -1 cannot be a driver's first message, and is a TLS ClientHello
/// (whose bytes 9-10 are always 03 0x).
/// </summary>
public static class TransportSniffer
{
    public static TransportKind Classify(ReadOnlySpan<byte> first16)
    {
        if (first16.Length < MessageHeader.Size)
        {
            throw new ArgumentException("Need the first 16 bytes of the connection.", nameof(first16));
        }

        if (first16.StartsWith("GET "u8))
        {
            return TransportKind.Http;
        }

        var responseTo = MessageHeader.Read(first16).ResponseTo;
        return responseTo is 0 or -1 ? TransportKind.Plaintext : TransportKind.Tls;
    }

    /// <summary>
    /// The client_version of a ClientHello (record type 22, handshake type 1), e.g. (3, 1) for TLS 1.0; null when
    /// the bytes are not a ClientHello.
    /// </summary>
    public static (byte Major, byte Minor)? ClientHelloVersion(ReadOnlySpan<byte> first16) =>
        first16.Length >= 11 && first16[0] == 0x16 && first16[5] == 0x01 ? (first16[9], first16[10]) : null;
}
