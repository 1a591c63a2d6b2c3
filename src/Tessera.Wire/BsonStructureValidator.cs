using System.Buffers.Binary;
using System.Text.Unicode;

namespace Tessera.Wire;

/// <summary>
/// Checks the structure of one BSON document before MongoDB.Bson decodes it, as mongod's validateBSON does:
/// every length inside the document's bounds, known element types, terminators, booleans 0 or 1, strict
/// UTF-8 in names and strings, and a nesting limit. Two reasons it exists rather than trusting the decoder:
/// MongoDB.Bson allocates a string's declared length before checking that the bytes are there (a 30-byte
/// message could ask for 2 GB), and it decodes nested documents recursively with no depth limit (a deeply
/// nested document would overflow the stack and kill the process, not just the connection).
/// This is not a decoder: it produces nothing, and decoding stays with MongoDB.Bson.
/// </summary>
internal static class BsonStructureValidator
{
    private const int MinimumDocumentSize = 5;

    /// <summary>Validates the document starting at <paramref name="start"/>; returns its length.</summary>
    /// <param name="bytes">The whole message, so offsets in errors are offsets in the message.</param>
    /// <param name="start">Where the document's int32 length is.</param>
    /// <param name="end">The first byte after the region the document must fit in (its section).</param>
    /// <param name="what">What the document is, for errors ("OP_MSG body").</param>
    public static int Validate(ReadOnlySpan<byte> bytes, int start, int end, string what)
    {
        if (end - start < 4)
        {
            throw new WireProtocolException(
                $"{what} at offset {start}: only {end - start} bytes remain, too few for a BSON document's length");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[start..]);
        if (length > WireLimits.MaxWireDocumentSize)
        {
            throw new WireProtocolException(
                $"{what} at offset {start} declares {length:N0} bytes, more than the {WireLimits.MaxWireDocumentSize:N0}-byte limit (16 MiB plus 16 KiB for the command)");
        }

        ValidateDocument(bytes, start, end, depth: 1, what);
        return length;
    }

    private static int ValidateDocument(ReadOnlySpan<byte> bytes, int start, int end, int depth, string what)
    {
        if (depth > WireLimits.MaxNestingDepth)
        {
            throw new WireProtocolException(
                $"{what}: document at offset {start} is nested more than {WireLimits.MaxNestingDepth} levels deep");
        }

        if (end - start < 4)
        {
            throw new WireProtocolException($"{what}: BSON document at offset {start} is truncated before its length");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[start..]);
        if (length < MinimumDocumentSize)
        {
            throw new WireProtocolException(
                $"{what}: BSON document at offset {start} declares length {length}, less than the minimum of {MinimumDocumentSize}");
        }

        if (length > end - start)
        {
            throw new WireProtocolException(
                $"{what}: BSON document at offset {start} declares {length} bytes but only {end - start} remain in its enclosing space");
        }

        var terminator = start + length - 1;
        if (bytes[terminator] != 0)
        {
            throw new WireProtocolException(
                $"{what}: BSON document at offset {start} does not end with a NUL terminator at offset {terminator}");
        }

        var position = start + 4;
        while (position < terminator)
        {
            var typeOffset = position;
            var type = bytes[position++];
            var nameEnd = FindNul(bytes, position, terminator);
            if (nameEnd < 0)
            {
                throw new WireProtocolException(
                    $"{what}: field name at offset {position} is not terminated before the end of its document at offset {terminator}");
            }

            if (!Utf8.IsValid(bytes[position..nameEnd]))
            {
                throw new WireProtocolException($"{what}: field name at offset {position} is not valid UTF-8");
            }

            position = nameEnd + 1;
            position = type switch
            {
                0x01 or 0x09 or 0x11 or 0x12 => Fixed(position, 8, terminator, typeOffset, what), // double, date, timestamp, int64
                0x02 or 0x0D or 0x0E => ValidateString(bytes, position, terminator, what), // string, JavaScript, symbol
                0x03 or 0x04 => position + ValidateDocument(bytes, position, terminator, depth + 1, what), // document, array
                0x05 => ValidateBinary(bytes, position, terminator, what),
                0x06 or 0x0A or 0x7F or 0xFF => position, // undefined, null, maxKey, minKey
                0x07 => Fixed(position, 12, terminator, typeOffset, what), // ObjectId
                0x08 => ValidateBoolean(bytes, position, terminator, typeOffset, what),
                0x0B => ValidateRegex(bytes, position, terminator, what),
                0x0C => Fixed(ValidateString(bytes, position, terminator, what), 12, terminator, typeOffset, what), // DBPointer
                0x0F => ValidateCodeWithScope(bytes, position, terminator, depth, what),
                0x10 => Fixed(position, 4, terminator, typeOffset, what), // int32
                0x13 => Fixed(position, 16, terminator, typeOffset, what), // decimal128
                _ => throw new WireProtocolException($"{what}: unknown BSON element type 0x{type:X2} at offset {typeOffset}"),
            };
        }

        return length;
    }

    private static int Fixed(int position, int size, int limit, int typeOffset, string what)
    {
        if (limit - position < size)
        {
            throw new WireProtocolException(
                $"{what}: BSON element at offset {typeOffset} needs {size} value bytes but its document ends at offset {limit}");
        }

        return position + size;
    }

    private static int ValidateString(ReadOnlySpan<byte> bytes, int position, int limit, string what)
    {
        if (limit - position < 4)
        {
            throw new WireProtocolException($"{what}: BSON string at offset {position} is truncated before its length");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        if (length < 1 || length > limit - position - 4)
        {
            throw new WireProtocolException(
                $"{what}: BSON string at offset {position} declares length {length}, which does not fit its document");
        }

        var last = position + 4 + length - 1;
        if (bytes[last] != 0)
        {
            throw new WireProtocolException($"{what}: BSON string at offset {position} does not end with NUL");
        }

        if (!Utf8.IsValid(bytes[(position + 4)..last]))
        {
            throw new WireProtocolException($"{what}: BSON string at offset {position} is not valid UTF-8");
        }

        return last + 1;
    }

    private static int ValidateBinary(ReadOnlySpan<byte> bytes, int position, int limit, string what)
    {
        if (limit - position < 5)
        {
            throw new WireProtocolException($"{what}: BSON binary at offset {position} is truncated before its length and subtype");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        if (length < 0 || length > limit - position - 5)
        {
            throw new WireProtocolException(
                $"{what}: BSON binary at offset {position} declares length {length}, which does not fit its document");
        }

        // Subtype 2 (old binary) repeats the length inside the payload; decoders trust the inner one.
        if (bytes[position + 4] == 0x02
            && (length < 4 || BinaryPrimitives.ReadInt32LittleEndian(bytes[(position + 5)..]) != length - 4))
        {
            throw new WireProtocolException(
                $"{what}: BSON binary subtype 2 at offset {position} has an inner length that does not match its length {length}");
        }

        return position + 5 + length;
    }

    private static int ValidateBoolean(ReadOnlySpan<byte> bytes, int position, int limit, int typeOffset, string what)
    {
        var next = Fixed(position, 1, limit, typeOffset, what);
        if (bytes[position] > 1)
        {
            throw new WireProtocolException($"{what}: BSON boolean at offset {position} is {bytes[position]}, not 0 or 1");
        }

        return next;
    }

    private static int ValidateRegex(ReadOnlySpan<byte> bytes, int position, int limit, string what)
    {
        for (var part = 0; part < 2; part++)
        {
            var nul = FindNul(bytes, position, limit);
            if (nul < 0)
            {
                throw new WireProtocolException($"{what}: BSON regular expression at offset {position} is not terminated");
            }

            if (!Utf8.IsValid(bytes[position..nul]))
            {
                throw new WireProtocolException($"{what}: BSON regular expression at offset {position} is not valid UTF-8");
            }

            position = nul + 1;
        }

        return position;
    }

    private static int ValidateCodeWithScope(ReadOnlySpan<byte> bytes, int position, int limit, int depth, string what)
    {
        if (limit - position < 4)
        {
            throw new WireProtocolException($"{what}: BSON code-with-scope at offset {position} is truncated before its length");
        }

        var total = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
        if (total < 4 + 5 + 5 || total > limit - position)
        {
            throw new WireProtocolException(
                $"{what}: BSON code-with-scope at offset {position} declares length {total}, which does not fit its document");
        }

        var end = position + total;
        var afterCode = ValidateString(bytes, position + 4, end, what);
        var afterScope = afterCode + ValidateDocument(bytes, afterCode, end, depth + 1, what);
        if (afterScope != end)
        {
            throw new WireProtocolException(
                $"{what}: BSON code-with-scope at offset {position} declares length {total} but its parts take {afterScope - position}");
        }

        return end;
    }

    private static int FindNul(ReadOnlySpan<byte> bytes, int from, int limit)
    {
        var index = bytes[from..limit].IndexOf((byte)0);
        return index < 0 ? -1 : from + index;
    }
}
