using System.Buffers.Binary;
using System.Text;

namespace Tessera.Wire.Tests.Support;

/// <summary>
/// Assembles test frames byte by byte, independently of the codec, so a test states the wire format itself
/// rather than mirroring the encoder.
/// </summary>
internal sealed class ByteBuilder
{
    private readonly List<byte> _bytes = [];

    public int Length => _bytes.Count;

    public ByteBuilder Int32(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        _bytes.AddRange(b.ToArray());
        return this;
    }

    public ByteBuilder UInt32(uint value) => Int32(unchecked((int)value));

    public ByteBuilder Int64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        _bytes.AddRange(b.ToArray());
        return this;
    }

    public ByteBuilder Byte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public ByteBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public ByteBuilder CString(string value)
    {
        _bytes.AddRange(Encoding.UTF8.GetBytes(value));
        _bytes.Add(0);
        return this;
    }

    /// <summary>A header whose messageLength is patched by <see cref="Build"/>.</summary>
    public ByteBuilder Header(int requestId, int responseTo, int opCode) => Int32(0).Int32(requestId).Int32(responseTo).Int32(opCode);

    public byte[] Build(bool patchLength = true)
    {
        var bytes = _bytes.ToArray();
        if (patchLength)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length);
        }

        return bytes;
    }
}
