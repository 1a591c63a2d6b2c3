using System.Text;
using MongoDB.Bson;

namespace Tessera.Storage.Keys;

/// <summary>
/// Encodes BSON values as bytes whose unsigned lexicographic order (memcmp, the order SQLite gives
/// BLOBs) is MongoDB's comparison order, so that SQLite's own B-tree keeps documents in _id order
/// and indexes in index order without a custom collation.
/// </summary>
/// <remarks>
/// Every value is a type byte (<see cref="KeyTypeByte"/>, MongoDB's canonical type order) and a body
/// that ends itself, so no encoding is a prefix of another: values can be concatenated into
/// compound keys and nested in documents and arrays, and a component can be inverted for a
/// descending direction without disturbing its neighbours.
/// <list type="bullet">
/// <item>Numbers: exact value, see <see cref="NumberKeyWriter"/>.</item>
/// <item>Strings, symbols, field names, regex parts, code: UTF-8 bytes (simple binary collation),
/// 0x00 escaped as 00 FF, terminated by 00 01, so "a" &lt; "a\0" &lt; "ab" &lt; "b".</item>
/// <item>Documents: for each field its value's type byte, name, value body; then 0x00. MongoDB
/// compares fields by type, then name, then value, which is this byte order.</item>
/// <item>Arrays: each element's full encoding, then 0x00.</item>
/// <item>Binary data: length (4 bytes big-endian), subtype, bytes — MongoDB orders by length first.</item>
/// <item>Dates: signed milliseconds with the sign bit flipped; timestamps: unsigned 64 bits.</item>
/// </list>
/// The encoding is one-way: documents are stored whole beside their keys, so keys are never decoded.
/// Undefined encodes as null (MongoDB treats it as null in queries); DBPointer has no
/// MongoDB.Bson representation and is not supported.
/// </remarks>
public static class IndexKeyEncoder
{
    private const byte EscapedZeroFollower = 0xFF;
    private const byte StringTerminatorFollower = 0x01;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The key of one value; <c>null</c> means a missing field and encodes as BSON null.</summary>
    public static byte[] Encode(BsonValue? value)
    {
        var buffer = new KeyBuffer();
        WriteValue(buffer, value);
        return buffer.ToArray();
    }

    /// <summary>The key of a compound index entry: the components in order, descending ones inverted.</summary>
    public static byte[] Encode(IEnumerable<KeyComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var buffer = new KeyBuffer();
        foreach (var component in components)
        {
            var start = buffer.Length;
            WriteValue(buffer, component.Value);
            if (component.Direction == KeyDirection.Descending)
            {
                buffer.InvertFrom(start);
            }
        }

        return buffer.ToArray();
    }

    private static void WriteValue(KeyBuffer buffer, BsonValue? value)
    {
        var typeByte = TypeByteOf(value);
        buffer.Append(typeByte);
        WriteBody(buffer, typeByte, value);
    }

    private static byte TypeByteOf(BsonValue? value) => value?.BsonType switch
    {
        null or BsonType.Null or BsonType.Undefined => KeyTypeByte.Null,
        BsonType.MinKey => KeyTypeByte.MinKey,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => KeyTypeByte.Number,
        BsonType.String or BsonType.Symbol => KeyTypeByte.String,
        BsonType.Document => KeyTypeByte.Document,
        BsonType.Array => KeyTypeByte.Array,
        BsonType.Binary => KeyTypeByte.BinaryData,
        BsonType.ObjectId => KeyTypeByte.ObjectId,
        BsonType.Boolean => KeyTypeByte.Boolean,
        BsonType.DateTime => KeyTypeByte.DateTime,
        BsonType.Timestamp => KeyTypeByte.Timestamp,
        BsonType.RegularExpression => KeyTypeByte.RegularExpression,
        BsonType.JavaScript => KeyTypeByte.JavaScript,
        BsonType.JavaScriptWithScope => KeyTypeByte.JavaScriptWithScope,
        BsonType.MaxKey => KeyTypeByte.MaxKey,
        var other => throw new NotSupportedException($"BSON type {other} cannot be part of a key."),
    };

    private static void WriteBody(KeyBuffer buffer, byte typeByte, BsonValue? value)
    {
        if (value is null)
        {
            return;
        }

        switch (typeByte)
        {
            case KeyTypeByte.Number:
                NumberKeyWriter.Write(buffer, value);
                break;
            case KeyTypeByte.String:
                WriteString(buffer, value.BsonType == BsonType.Symbol ? value.AsBsonSymbol.Name : value.AsString);
                break;
            case KeyTypeByte.Document:
                WriteDocument(buffer, value.AsBsonDocument);
                break;
            case KeyTypeByte.Array:
                foreach (var element in value.AsBsonArray)
                {
                    WriteValue(buffer, element);
                }

                buffer.Append(KeyTypeByte.EndOfContainer);
                break;
            case KeyTypeByte.BinaryData:
                WriteBinaryData(buffer, value.AsBsonBinaryData);
                break;
            case KeyTypeByte.ObjectId:
                buffer.Append(value.AsObjectId.ToByteArray());
                break;
            case KeyTypeByte.Boolean:
                buffer.Append(value.AsBoolean ? (byte)1 : (byte)0);
                break;
            case KeyTypeByte.DateTime:
                // Flipping the sign bit makes two's-complement order unsigned order.
                WriteUInt64(buffer, (ulong)value.AsBsonDateTime.MillisecondsSinceEpoch ^ (1UL << 63));
                break;
            case KeyTypeByte.Timestamp:
                WriteUInt64(buffer, (ulong)value.AsBsonTimestamp.Value); // MongoDB compares timestamps unsigned
                break;
            case KeyTypeByte.RegularExpression:
                WriteString(buffer, value.AsBsonRegularExpression.Pattern);
                WriteString(buffer, value.AsBsonRegularExpression.Options);
                break;
            case KeyTypeByte.JavaScript:
                WriteString(buffer, value.AsBsonJavaScript.Code);
                break;
            case KeyTypeByte.JavaScriptWithScope:
                WriteString(buffer, value.AsBsonJavaScriptWithScope.Code);
                WriteDocument(buffer, value.AsBsonJavaScriptWithScope.Scope);
                break;
            default:
                break; // MinKey, MaxKey and null are fully described by their type byte.
        }
    }

    private static void WriteDocument(KeyBuffer buffer, BsonDocument document)
    {
        foreach (var element in document)
        {
            var typeByte = TypeByteOf(element.Value);
            buffer.Append(typeByte);
            WriteString(buffer, element.Name);
            WriteBody(buffer, typeByte, element.Value);
        }

        buffer.Append(KeyTypeByte.EndOfContainer);
    }

    private static void WriteBinaryData(KeyBuffer buffer, BsonBinaryData binary)
    {
        var bytes = binary.Bytes;
        buffer.Append((byte)(bytes.Length >> 24));
        buffer.Append((byte)(bytes.Length >> 16));
        buffer.Append((byte)(bytes.Length >> 8));
        buffer.Append((byte)bytes.Length);
        buffer.Append((byte)binary.SubType);
        buffer.Append(bytes);
    }

    private static void WriteString(KeyBuffer buffer, string text)
    {
        var utf8 = StrictUtf8.GetBytes(text);
        var rest = utf8.AsSpan();
        int zero;
        while ((zero = rest.IndexOf((byte)0)) >= 0)
        {
            buffer.Append(rest[..(zero + 1)]);
            buffer.Append(EscapedZeroFollower);
            rest = rest[(zero + 1)..];
        }

        buffer.Append(rest);
        buffer.Append(0);
        buffer.Append(StringTerminatorFollower);
    }

    private static void WriteUInt64(KeyBuffer buffer, ulong value)
    {
        for (var shift = 56; shift >= 0; shift -= 8)
        {
            buffer.Append((byte)(value >> shift));
        }
    }
}
