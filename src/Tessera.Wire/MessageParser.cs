using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// Parses the bytes of one whole message (header included) into an <see cref="OpMsg"/>, <see cref="OpQuery"/>
/// or <see cref="OpReply"/>, applying the OP_MSG specification's rules. Every offset in an error is an offset
/// from the start of the message.
/// </summary>
internal static class MessageParser
{
    private const int EmptyDocumentSize = 5;

    private static readonly UTF8Encoding __strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The smallest valid message of each supported op code, checked before the body is read.</summary>
    public static int MinimumLength(OpCode opCode) => opCode switch
    {
        OpCode.Msg => MessageHeader.Size + 4 + 1 + EmptyDocumentSize, // flagBits, one kind-0 section
        OpCode.Query => MessageHeader.Size + 4 + 1 + 4 + 4 + EmptyDocumentSize, // flags, "" name, skip, return, query
        OpCode.Reply => MessageHeader.Size + 4 + 8 + 4 + 4, // flags, cursorID, startingFrom, numberReturned
        _ => MessageHeader.Size,
    };

    /// <param name="message">The message; only its first <c>header.MessageLength</c> bytes are used.</param>
    /// <param name="header">The header already read from the message's first 16 bytes.</param>
    public static WireMessage Parse(byte[] message, MessageHeader header)
    {
        var length = header.MessageLength;
        if (length < MinimumLength(header.OpCode) || length > message.Length)
        {
            throw new WireProtocolException(
                $"{OpCodeNames.Describe(header.OpCodeValue)} message of {length} bytes is shorter than its minimum of {MinimumLength(header.OpCode)}");
        }

        return header.OpCode switch
        {
            OpCode.Msg => ParseOpMsg(message, length),
            OpCode.Query => ParseOpQuery(message, length),
            OpCode.Reply => ParseOpReply(message, length),
            _ => throw new WireProtocolException($"{OpCodeNames.Describe(header.OpCodeValue)} is not a message this codec parses"),
        };
    }

    private static OpMsg ParseOpMsg(byte[] message, int length)
    {
        var flags = (OpMsgFlags)BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(MessageHeader.Size));
        const uint knownRequired = (uint)(OpMsgFlags.ChecksumPresent | OpMsgFlags.MoreToCome);
        var unknownRequired = (uint)flags & 0xFFFFu & ~knownRequired;
        if (unknownRequired != 0)
        {
            throw new WireProtocolException(
                $"OP_MSG flagBits 0x{(uint)flags:X8} set required bit {System.Numerics.BitOperations.TrailingZeroCount(unknownRequired)}, which this server does not know; only bits 0 (checksumPresent) and 1 (moreToCome) are defined");
        }

        var sectionsEnd = length;
        if ((flags & OpMsgFlags.ChecksumPresent) != 0)
        {
            sectionsEnd = length - 4;
            if (sectionsEnd < MinimumLength(OpCode.Msg))
            {
                throw new WireProtocolException(
                    $"OP_MSG of {length} bytes sets checksumPresent but has no room for a body section and a 4-byte checksum");
            }

            var expected = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(sectionsEnd));
            var actual = Crc32C.Compute(message.AsSpan(0, sectionsEnd));
            if (expected != actual)
            {
                throw new WireProtocolException(
                    $"OP_MSG checksum 0x{expected:X8} at offset {sectionsEnd} does not match the CRC-32C of the message, 0x{actual:X8}");
            }
        }

        BsonDocument? body = null;
        var sequences = new List<DocumentSequence>();
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var position = MessageHeader.Size + 4;
        while (position < sectionsEnd)
        {
            var kindOffset = position;
            var kind = message[position++];
            switch (kind)
            {
                case 0:
                    if (body is not null)
                    {
                        throw new WireProtocolException(
                            $"OP_MSG has a second body section (kind 0) at offset {kindOffset}; exactly one is allowed");
                    }

                    (body, var bodyLength) = WireDocumentDecoder.Decode(message, position, sectionsEnd, "OP_MSG body");
                    position += bodyLength;
                    break;
                case 1:
                    var sequence = ParseDocumentSequence(message, position, sectionsEnd, out var sequenceSize);
                    if (!identifiers.Add(sequence.Identifier))
                    {
                        throw new WireProtocolException(
                            $"OP_MSG document sequence '{sequence.Identifier}' at offset {kindOffset} repeats an earlier identifier");
                    }

                    sequences.Add(sequence);
                    position += sequenceSize;
                    break;
                default:
                    throw new WireProtocolException($"OP_MSG section kind {kind} at offset {kindOffset} is not 0 or 1");
            }
        }

        if (body is null)
        {
            throw new WireProtocolException("OP_MSG has no body section (kind 0); exactly one is required");
        }

        return new OpMsg(body, sequences, flags);
    }

    private static DocumentSequence ParseDocumentSequence(byte[] message, int start, int sectionsEnd, out int size)
    {
        if (sectionsEnd - start < 4)
        {
            throw new WireProtocolException(
                $"OP_MSG document sequence at offset {start} is truncated: {sectionsEnd - start} bytes remain, its size needs 4");
        }

        size = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(start));
        if (size < 5 || size > sectionsEnd - start)
        {
            throw new WireProtocolException(
                $"OP_MSG document sequence at offset {start} declares size {size}, but {sectionsEnd - start} bytes remain in the message (and the minimum is 5)");
        }

        var end = start + size;
        var identifier = ReadCString(message, start + 4, end, $"OP_MSG document sequence identifier at offset {start + 4}", out var position);
        if (identifier.Length == 0)
        {
            throw new WireProtocolException($"OP_MSG document sequence at offset {start} has an empty identifier");
        }

        var documents = new List<BsonDocument>();
        while (position < end)
        {
            var (document, length) = WireDocumentDecoder.Decode(
                message, position, end, $"document {documents.Count} of OP_MSG sequence '{identifier}'");
            documents.Add(document);
            position += length;
        }

        return new DocumentSequence(identifier, documents);
    }

    private static OpQuery ParseOpQuery(byte[] message, int length)
    {
        var position = MessageHeader.Size;
        var flags = (OpQueryFlags)BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(position));
        position += 4;
        var collection = ReadCString(message, position, length, $"OP_QUERY fullCollectionName at offset {position}", out position);
        if (length - position < 8)
        {
            throw new WireProtocolException(
                $"OP_QUERY is truncated at offset {position}: numberToSkip and numberToReturn need 8 bytes, {length - position} remain");
        }

        var skip = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(position));
        var limit = BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(position + 4));
        position += 8;
        var (query, queryLength) = WireDocumentDecoder.Decode(message, position, length, "OP_QUERY query");
        position += queryLength;
        BsonDocument? selector = null;
        if (position < length)
        {
            (selector, var selectorLength) = WireDocumentDecoder.Decode(message, position, length, "OP_QUERY returnFieldsSelector");
            position += selectorLength;
        }

        if (position != length)
        {
            throw new WireProtocolException(
                $"OP_QUERY has {length - position} unexpected bytes at offset {position} after its returnFieldsSelector");
        }

        return new OpQuery(collection, query, flags, skip, limit, selector);
    }

    private static OpReply ParseOpReply(byte[] message, int length)
    {
        var span = message.AsSpan(0, length);
        var flags = (OpReplyFlags)BinaryPrimitives.ReadInt32LittleEndian(span[16..]);
        var cursorId = BinaryPrimitives.ReadInt64LittleEndian(span[20..]);
        var startingFrom = BinaryPrimitives.ReadInt32LittleEndian(span[28..]);
        var numberReturned = BinaryPrimitives.ReadInt32LittleEndian(span[32..]);
        if (numberReturned < 0)
        {
            throw new WireProtocolException($"OP_REPLY numberReturned at offset 32 is negative ({numberReturned})");
        }

        var documents = new List<BsonDocument>();
        var position = 36;
        while (position < length)
        {
            var (document, documentLength) = WireDocumentDecoder.Decode(message, position, length, $"OP_REPLY document {documents.Count}");
            documents.Add(document);
            position += documentLength;
        }

        if (documents.Count != numberReturned)
        {
            throw new WireProtocolException(
                $"OP_REPLY numberReturned is {numberReturned} but the message holds {documents.Count} documents");
        }

        return new OpReply(documents, flags, cursorId, startingFrom);
    }

    /// <summary>Reads a NUL-terminated UTF-8 string that must end before <paramref name="limit"/>.</summary>
    private static string ReadCString(byte[] message, int start, int limit, string what, out int next)
    {
        var nul = start < limit ? message.AsSpan(start, limit - start).IndexOf((byte)0) : -1;
        if (nul < 0)
        {
            throw new WireProtocolException($"{what} is not NUL-terminated before offset {limit}");
        }

        next = start + nul + 1;
        try
        {
            return __strictUtf8.GetString(message, start, nul);
        }
        catch (DecoderFallbackException e)
        {
            throw new WireProtocolException($"{what} is not valid UTF-8", e);
        }
    }
}
