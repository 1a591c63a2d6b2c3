using System.Buffers.Binary;

namespace Tessera.Wire;

/// <summary>
/// The 16-byte header that starts every wire message: four little-endian int32 values. The op code is kept
/// as the raw int so that a header with an unknown code can still be described in an error.
/// </summary>
public readonly record struct MessageHeader(int MessageLength, int RequestId, int ResponseTo, int OpCodeValue)
{
    public const int Size = 16;

    public MessageHeader(int messageLength, int requestId, int responseTo, OpCode opCode)
        : this(messageLength, requestId, responseTo, (int)opCode)
    {
    }

    public OpCode OpCode => (OpCode)OpCodeValue;

    /// <summary>
    /// Reads the four fields from the first 16 bytes. Any 16 bytes are a header; whether its values make
    /// sense (length, op code) is for <see cref="MessageReader"/> to judge. The TLS sniffer uses this to
    /// look at <see cref="ResponseTo"/>.
    /// </summary>
    public static MessageHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size)
        {
            throw new WireProtocolException($"a message header needs {Size} bytes, only {bytes.Length} were given");
        }

        return new MessageHeader(
            BinaryPrimitives.ReadInt32LittleEndian(bytes),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]));
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, MessageLength);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], RequestId);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], ResponseTo);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], OpCodeValue);
    }
}
