using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace Tessera.Wire;

/// <summary>
/// Turns one BSON document inside a message into a <see cref="BsonDocument"/>: first the structural check,
/// then MongoDB.Bson's decoder, with anything it still throws reported as a <see cref="WireProtocolException"/>.
/// </summary>
internal static class WireDocumentDecoder
{
    private static readonly BsonBinaryReaderSettings __readerSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        MaxDocumentSize = WireLimits.MaxWireDocumentSize,
    };

    /// <summary>Decodes the document at <paramref name="start"/>, which must fit before <paramref name="end"/>.</summary>
    /// <returns>The document and its length in bytes.</returns>
    public static (BsonDocument Document, int Length) Decode(byte[] message, int start, int end, string what)
    {
        var length = BsonStructureValidator.Validate(message, start, end, what);
        try
        {
            using var buffer = new ByteArrayBuffer(message, end, isReadOnly: true);
            using var slice = buffer.GetSlice(start, length);
            using var stream = new ByteBufferStream(slice, ownsBuffer: false);
            using var reader = new BsonBinaryReader(stream, __readerSettings);

            // Duplicate names are kept, not rejected: judging them is the command layer's business, and
            // dropping or failing here would make the codec decide what mongod leaves to commands.
            var context = BsonDeserializationContext.CreateRoot(reader, builder => builder.AllowDuplicateElementNames = true);
            var document = BsonDocumentSerializer.Instance.Deserialize(context);
            if (stream.Position != length)
            {
                throw new WireProtocolException(
                    $"{what} at offset {start} declares {length} bytes but its elements take {stream.Position}");
            }

            return (document, length);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or IOException or BsonException
                                      or InvalidOperationException or ArgumentException or OverflowException
                                      or IndexOutOfRangeException or InvalidCastException)
        {
            throw new WireProtocolException($"{what} at offset {start} is not valid BSON: {e.Message}", e);
        }
    }
}
