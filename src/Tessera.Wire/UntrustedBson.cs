using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// Decodes BSON a client sent inside a value (a SASL payload, for one), with the same structural checks as
/// whole messages: MongoDB.Bson alone recurses without a depth limit, and a deeply nested document would
/// overflow the stack and end the process.
/// </summary>
public static class UntrustedBson
{
    /// <exception cref="WireProtocolException">The bytes are not exactly one valid BSON document.</exception>
    public static BsonDocument Decode(byte[] bytes, string what)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (document, length) = WireDocumentDecoder.Decode(bytes, 0, bytes.Length, what);
        return length == bytes.Length
            ? document
            : throw new WireProtocolException($"{what} has {bytes.Length - length} bytes after its document");
    }
}
