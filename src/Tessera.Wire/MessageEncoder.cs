using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Tessera.Wire;

/// <summary>
/// Builds the bytes of one whole message in a single buffer, so that a message goes out in one write and
/// a reply is never interleaved with another or half-sent.
/// </summary>
internal static class MessageEncoder
{
    private static readonly UTF8Encoding __strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the stream holding the message from position 0 to its length.</summary>
    public static MemoryStream Encode(WireMessage message, int requestId, int responseTo)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stream = new MemoryStream(256);
        stream.Write(stackalloc byte[MessageHeader.Size]);
        switch (message)
        {
            case OpMsg msg:
                WriteOpMsg(stream, msg);
                break;
            case OpQuery query:
                WriteInt32(stream, (int)query.Flags);
                WriteCString(stream, query.FullCollectionName);
                WriteInt32(stream, query.NumberToSkip);
                WriteInt32(stream, query.NumberToReturn);
                WriteDocument(stream, query.Query);
                if (query.ReturnFieldsSelector is not null)
                {
                    WriteDocument(stream, query.ReturnFieldsSelector);
                }

                break;
            case OpReply reply:
                WriteInt32(stream, (int)reply.ResponseFlags);
                WriteInt64(stream, reply.CursorId);
                WriteInt32(stream, reply.StartingFrom);
                WriteInt32(stream, reply.Documents.Count);
                foreach (var document in reply.Documents)
                {
                    WriteDocument(stream, document);
                }

                break;
            default:
                throw new ArgumentException($"cannot encode a {message.GetType().Name}", nameof(message));
        }

        var checksum = message is OpMsg { ChecksumPresent: true };
        var length = stream.Length + (checksum ? 4 : 0);
        if (length > WireLimits.MaxMessageSizeBytes)
        {
            throw new InvalidOperationException(
                $"the {OpCodeNames.Describe(message.OpCode)} message would be {length:N0} bytes, more than maxMessageSizeBytes ({WireLimits.MaxMessageSizeBytes:N0}); split the batch");
        }

        new MessageHeader((int)length, requestId, responseTo, message.OpCode).Write(stream.GetBuffer());
        if (checksum)
        {
            WriteUInt32(stream, Crc32C.Compute(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        }

        return stream;
    }

    private static void WriteOpMsg(MemoryStream stream, OpMsg message)
    {
        WriteUInt32(stream, (uint)message.Flags);
        stream.WriteByte(0);
        WriteDocument(stream, message.Body);
        foreach (var sequence in message.Sequences)
        {
            stream.WriteByte(1);
            var sizeAt = (int)stream.Position;
            WriteInt32(stream, 0);
            WriteCString(stream, sequence.Identifier);
            foreach (var document in sequence.Documents)
            {
                WriteDocument(stream, document);
            }

            BinaryPrimitives.WriteInt32LittleEndian(stream.GetBuffer().AsSpan(sizeAt), (int)stream.Position - sizeAt);
        }
    }

    private static void WriteDocument(MemoryStream stream, BsonDocument document)
    {
        var start = stream.Position;
        using (var writer = new BsonBinaryWriter(stream))
        {
            BsonDocumentSerializer.Instance.Serialize(BsonSerializationContext.CreateRoot(writer), document);
        }

        var size = stream.Position - start;
        if (size > WireLimits.MaxWireDocumentSize)
        {
            throw new InvalidOperationException(
                $"a document of {size:N0} bytes is larger than the {WireLimits.MaxWireDocumentSize:N0}-byte wire limit");
        }
    }

    private static void WriteCString(MemoryStream stream, string value)
    {
        stream.Write(__strictUtf8.GetBytes(value));
        stream.WriteByte(0);
    }

    private static void WriteInt32(MemoryStream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteUInt32(MemoryStream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteInt64(MemoryStream stream, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
