namespace Tessera.Storage.Keys;

/// <summary>
/// The first byte of every encoded value: MongoDB's canonical type, so that values of different
/// types sort by type before anything else. The gaps leave room for types added later without
/// rewriting stored keys; zero is kept free as the end-of-document and end-of-array marker.
/// </summary>
internal static class KeyTypeByte
{
    /// <summary>Ends the field list of a document or the element list of an array; below every type.</summary>
    public const byte EndOfContainer = 0x00;

    public const byte MinKey = 0x0A;

    /// <summary>Null, undefined and a missing field compare equal, as in MongoDB queries and indexes.</summary>
    public const byte Null = 0x14;

    /// <summary>One type for int32, int64, double and decimal128: numbers compare by value across types.</summary>
    public const byte Number = 0x1E;

    /// <summary>String and symbol share a canonical type and compare as strings.</summary>
    public const byte String = 0x28;

    public const byte Document = 0x32;
    public const byte Array = 0x3C;
    public const byte BinaryData = 0x46;
    public const byte ObjectId = 0x50;
    public const byte Boolean = 0x5A;
    public const byte DateTime = 0x64;
    public const byte Timestamp = 0x6E;
    public const byte RegularExpression = 0x78;
    public const byte JavaScript = 0x8C;
    public const byte JavaScriptWithScope = 0x96;
    public const byte MaxKey = 0xF0;
}
