using System.Security.Cryptography;

namespace Tessera.Security.Issuing;

/// <summary>
/// Certificate serial numbers: 16 random bytes, so that two certificates from one CA never share a
/// serial (a CRL revokes by serial) and serials reveal nothing about issuance order.
/// </summary>
public static class SerialNumber
{
    public const int Length = 16;

    /// <summary>A new positive serial of exactly <see cref="Length"/> bytes, big-endian as in DER.</summary>
    public static byte[] CreateRandom()
    {
        var serial = RandomNumberGenerator.GetBytes(Length);

        // Top bit clear: DER INTEGERs are signed and serials must be positive (RFC 5280 §4.1.2.2).
        // Next bit set: the first byte is never zero, so the minimal DER encoding keeps all 16 bytes.
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }
}
