using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

/// <summary>The first message of a modern driver, framed as the OP_MSG specification and the C# driver frame it.</summary>
public class DriverFramingTests
{
    private static readonly byte[] HelloFrame =
    [
        0x34, 0x00, 0x00, 0x00, // messageLength 52
        0x2A, 0x00, 0x00, 0x00, // requestID 42
        0x00, 0x00, 0x00, 0x00, // responseTo 0
        0xDD, 0x07, 0x00, 0x00, // opCode 2013
        0x00, 0x00, 0x00, 0x00, // flagBits
        0x00, // section kind 0
        0x1F, 0x00, 0x00, 0x00, // document length 31
        0x10, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0x00, 0x01, 0x00, 0x00, 0x00, // hello: int32 1
        0x02, (byte)'$', (byte)'d', (byte)'b', 0x00, 0x06, 0x00, 0x00, 0x00, // $db: string of 6 bytes
        (byte)'a', (byte)'d', (byte)'m', (byte)'i', (byte)'n', 0x00,
        0x00, // end of document
    ];

    [Fact]
    public async Task The_drivers_hello_is_parsed()
    {
        var received = await Frames.ReadOneAsync(HelloFrame);

        Assert.Equal(new MessageHeader(52, 42, 0, OpCode.Msg), received!.Header);
        var msg = Assert.IsType<OpMsg>(received.Message);
        Assert.Equal(new BsonDocument { { "hello", 1 }, { "$db", "admin" } }, msg.Body);
        Assert.Equal(BsonType.Int32, msg.Body["hello"].BsonType);
        Assert.Empty(msg.Sequences);
    }

    [Fact]
    public void Tessera_frames_hello_byte_for_byte_as_the_driver_does()
    {
        var encoded = MessageWriter.Encode(new OpMsg(new BsonDocument { { "hello", 1 }, { "$db", "admin" } }), requestId: 42);

        Assert.Equal(HelloFrame, encoded);
    }
}
