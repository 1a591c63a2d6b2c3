using MongoDB.Bson;

namespace Tessera.Wire.Tests.Support;

/// <summary>Raw BSON documents spelled out byte by byte, and ways to run the reader over bytes.</summary>
internal static class Frames
{
    public const int OpMsgCode = 2013;

    /// <summary>{_id: 1}: length 14.</summary>
    public static readonly byte[] IdOne = [0x0E, 0, 0, 0, 0x10, (byte)'_', (byte)'i', (byte)'d', 0, 1, 0, 0, 0, 0];

    /// <summary>{_id: 2}: length 14.</summary>
    public static readonly byte[] IdTwo = [0x0E, 0, 0, 0, 0x10, (byte)'_', (byte)'i', (byte)'d', 0, 2, 0, 0, 0, 0];

    /// <summary>{ping: 1}: length 15.</summary>
    public static readonly byte[] Ping = [0x0F, 0, 0, 0, 0x10, (byte)'p', (byte)'i', (byte)'n', (byte)'g', 0, 1, 0, 0, 0, 0];

    /// <summary>An OP_MSG header and zero flag bits, ready for sections.</summary>
    public static ByteBuilder OpMsgStart(uint flags = 0) => new ByteBuilder().Header(1, 0, OpMsgCode).UInt32(flags);

    public static async Task<ReceivedMessage?> ReadOneAsync(byte[] bytes) =>
        await new MessageReader(new MemoryStream(bytes)).ReadRequestAsync();

    public static async Task<WireProtocolException> ReadFailsAsync(byte[] bytes) =>
        await Assert.ThrowsAsync<WireProtocolException>(() => new MessageReader(new MemoryStream(bytes)).ReadRequestAsync());

    public static byte[] OpMsgWithBody(BsonDocument body, uint flags = 0) => OpMsgStart(flags).Byte(0).Raw(body.ToBson()).Build();
}
