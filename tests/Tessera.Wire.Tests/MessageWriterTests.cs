using System.Buffers.Binary;
using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

public class MessageWriterTests
{
    [Fact]
    public async Task An_OP_MSG_request_gets_an_OP_MSG_reply_with_one_body_and_no_flags_in_one_write()
    {
        var request = (await Frames.ReadOneAsync(MessageWriter.Encode(
            new OpMsg(new BsonDocument("ping", 1), flags: OpMsgFlags.ChecksumPresent | OpMsgFlags.ExhaustAllowed), requestId: 314)))!;
        var stream = new WriteCountingStream();

        var replyId = await new MessageWriter(stream).WriteReplyAsync(request, new BsonDocument("ok", 1.0));

        Assert.Equal(1, stream.Writes);
        var bytes = stream.ToArray();
        Assert.Equal(bytes.Length, BinaryPrimitives.ReadInt32LittleEndian(bytes));
        Assert.Equal(replyId, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(314, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(2013, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(0, bytes[20]);
        Assert.Equal(new BsonDocument("ok", 1.0).ToBson(), bytes[21..]);
    }

    [Fact]
    public async Task An_OP_QUERY_request_gets_an_OP_REPLY_with_one_document_and_no_cursor()
    {
        var request = (await Frames.ReadOneAsync(MessageWriter.Encode(new OpQuery("admin.$cmd", new BsonDocument("isMaster", 1)), requestId: 27)))!;
        var stream = new WriteCountingStream();

        await new MessageWriter(stream).WriteReplyAsync(request, new BsonDocument("ismaster", true));

        Assert.Equal(1, stream.Writes);
        var bytes = stream.ToArray();
        Assert.Equal(27, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16))); // AwaitCapable, as mongod sets
        Assert.Equal(0L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(20))); // cursorID
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28))); // startingFrom
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(32))); // numberReturned
        Assert.Equal(new BsonDocument("ismaster", true).ToBson(), bytes[36..]);
    }

    [Fact]
    public async Task Request_ids_increase()
    {
        var writer = new MessageWriter(new MemoryStream());

        var first = await writer.WriteAsync(new OpMsg(new BsonDocument("ping", 1)));
        var second = await writer.WriteAsync(new OpMsg(new BsonDocument("ping", 1)));

        Assert.True(first > 0);
        Assert.True(second > first);
    }

    [Fact]
    public void A_message_over_the_size_limit_is_refused_rather_than_sent()
    {
        var big = new BsonDocument("b", new BsonBinaryData(new byte[16_000_000]));
        var message = new OpMsg(new BsonDocument("insert", "c"), [new DocumentSequence("documents", [big, big, big])]);

        var error = Assert.Throws<InvalidOperationException>(() => MessageWriter.Encode(message, 1));

        Assert.Contains("maxMessageSizeBytes", error.Message, StringComparison.Ordinal);
    }
}
