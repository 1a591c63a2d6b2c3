using System.Buffers.Binary;
using System.Numerics;

namespace Tessera.Wire;

/// <summary>
/// CRC-32C (Castagnoli), the OP_MSG checksum. BitOperations.Crc32C is the bare polynomial step (hardware
/// accelerated where the CPU has it); the standard checksum adds the initial and final inversion.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
