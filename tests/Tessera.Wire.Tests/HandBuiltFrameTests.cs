using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

/// <summary>Frames written out byte by byte from the OP_MSG and OP_QUERY specifications, then parsed.</summary>
public class HandBuiltFrameTests
{
    [Fact]
    public async Task Insert_with_a_document_sequence_is_parsed_into_its_fields()
    {
        byte[] body =
        [
            0x1E, 0, 0, 0, // 30 bytes
            0x02, (byte)'i', (byte)'n', (byte)'s', (byte)'e', (byte)'r', (byte)'t', 0, 2, 0, 0, 0, (byte)'c', 0,
            0x02, (byte)'$', (byte)'d', (byte)'b', 0, 2, 0, 0, 0, (byte)'d', 0,
            0,
        ];
        var frame = new ByteBuilder()
            .Raw(0x5E, 0, 0, 0) // messageLength 94
            .Raw(7, 0, 0, 0) // requestID 7
            .Raw(0, 0, 0, 0) // responseTo 0
            .Raw(0xDD, 0x07, 0, 0) // opCode 2013
            .Raw(0, 0, 0, 0) // flagBits
            .Byte(0).Raw(body)
            .Byte(1).Raw(0x2A, 0, 0, 0).CString("documents").Raw(Frames.IdOne).Raw(Frames.IdTwo) // size 42
            .Build(patchLength: false);
        Assert.Equal(94, frame.Length);

        var received = await Frames.ReadOneAsync(frame);

        Assert.NotNull(received);
        Assert.Equal(new MessageHeader(94, 7, 0, OpCode.Msg), received.Header);
        var msg = Assert.IsType<OpMsg>(received.Message);
        Assert.Equal(OpMsgFlags.None, msg.Flags);
        Assert.Equal(new BsonDocument { { "insert", "c" }, { "$db", "d" } }, msg.Body);
        var sequence = Assert.Single(msg.Sequences);
        Assert.Equal("documents", sequence.Identifier);
        Assert.Equal([new BsonDocument("_id", 1), new BsonDocument("_id", 2)], sequence.Documents);
    }

    [Fact]
    public async Task Legacy_isMaster_over_OP_QUERY_is_parsed_into_its_fields()
    {
        byte[] query = [0x13, 0, 0, 0, 0x10, (byte)'i', (byte)'s', (byte)'M', (byte)'a', (byte)'s', (byte)'t', (byte)'e', (byte)'r', 0, 1, 0, 0, 0, 0];
        var frame = new ByteBuilder()
            .Header(requestId: 3, responseTo: 0, opCode: 2004)
            .Int32(4) // flags: secondaryOk
            .CString("admin.$cmd")
            .Int32(0) // numberToSkip
            .Int32(-1) // numberToReturn
            .Raw(query)
            .Build();

        var received = await Frames.ReadOneAsync(frame);

        var op = Assert.IsType<OpQuery>(received!.Message);
        Assert.Equal(OpQueryFlags.SecondaryOk, op.Flags);
        Assert.Equal("admin.$cmd", op.FullCollectionName);
        Assert.Equal("admin", op.DatabaseName);
        Assert.True(op.IsCommand);
        Assert.Equal(0, op.NumberToSkip);
        Assert.Equal(-1, op.NumberToReturn);
        Assert.Equal(new BsonDocument("isMaster", 1), op.Query);
        Assert.Null(op.ReturnFieldsSelector);
        Assert.Equal(3, received.Header.RequestId);
    }

    [Fact]
    public async Task The_body_section_may_follow_a_document_sequence()
    {
        var frame = Frames.OpMsgStart()
            .Byte(1).Int32(4 + 10 + 14).CString("documents").Raw(Frames.IdOne)
            .Byte(0).Raw(Frames.Ping)
            .Build();

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(frame))!.Message);

        Assert.Equal(new BsonDocument("ping", 1), msg.Body);
        Assert.Equal("documents", Assert.Single(msg.Sequences).Identifier);
    }

    [Fact]
    public async Task Unknown_optional_flag_bits_are_ignored()
    {
        var frame = Frames.OpMsgStart(flags: (1u << 16) | (1u << 20)).Byte(0).Raw(Frames.Ping).Build();

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(frame))!.Message);

        Assert.True(msg.ExhaustAllowed);
        Assert.False(msg.MoreToCome);
    }

    [Fact]
    public void A_header_is_four_little_endian_int32_values()
    {
        byte[] bytes = [0x34, 0, 0, 0, 0x78, 0x56, 0x34, 0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0xDD, 0x07, 0, 0];

        var header = MessageHeader.Read(bytes);

        Assert.Equal(new MessageHeader(52, 0x12345678, -1, 2013), header);
        Assert.Equal(OpCode.Msg, header.OpCode);
        var written = new byte[16];
        header.Write(written);
        Assert.Equal(bytes, written);
    }
}
