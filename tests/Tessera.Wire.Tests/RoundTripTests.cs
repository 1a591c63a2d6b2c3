using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

public class RoundTripTests
{
    private static async Task<ReceivedMessage> WriteThenReadAsync(WireMessage message, int responseTo, bool asReply)
    {
        var stream = new MemoryStream();
        var requestId = await new MessageWriter(stream).WriteAsync(message, responseTo);
        stream.Position = 0;
        var reader = new MessageReader(stream);
        var received = asReply ? await reader.ReadReplyAsync() : await reader.ReadRequestAsync();
        Assert.NotNull(received);
        Assert.Equal(requestId, received.Header.RequestId);
        Assert.Equal(responseTo, received.Header.ResponseTo);
        Assert.Equal(stream.Length, received.Header.MessageLength);
        Assert.Null(await reader.ReadRequestAsync());
        return received;
    }

    private static BsonDocument RichDocument() => new()
    {
        { "string", "héllo wörld ✓" },
        { "int32", 42 },
        { "int64", 1L << 40 },
        { "double", 3.25 },
        { "decimal", new BsonDecimal128(1.5m) },
        { "bool", true },
        { "null", BsonNull.Value },
        { "date", new BsonDateTime(1_700_000_000_000) },
        { "oid", new ObjectId("0123456789abcdef01234567") },
        { "bin", new BsonBinaryData([1, 2, 3], BsonBinarySubType.Binary) },
        { "uuid", new BsonBinaryData(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), GuidRepresentation.Standard) },
        { "regex", new BsonRegularExpression("^a.*", "i") },
        { "ts", new BsonTimestamp(5, 6) },
        { "array", new BsonArray { 1, "two", new BsonDocument("three", 3) } },
        { "nested", new BsonDocument("deeper", new BsonDocument("deepest", BsonMinKey.Value)) },
        { "code", new BsonJavaScriptWithScope("x + y", new BsonDocument("x", 1)) },
    };

    [Theory]
    [InlineData(OpMsgFlags.None)]
    [InlineData(OpMsgFlags.ChecksumPresent)]
    [InlineData(OpMsgFlags.MoreToCome | OpMsgFlags.ExhaustAllowed)]
    [InlineData(OpMsgFlags.ChecksumPresent | OpMsgFlags.MoreToCome)]
    public async Task OP_MSG_with_sequences_round_trips(OpMsgFlags flags)
    {
        var body = new BsonDocument { { "insert", "things" }, { "$db", "test" }, { "rich", RichDocument() } };
        var documents = Enumerable.Range(0, 3).Select(i => new BsonDocument { { "_id", i }, { "payload", RichDocument() } }).ToList();
        var updates = new List<BsonDocument>();
        var message = new OpMsg(body, [new DocumentSequence("documents", documents), new DocumentSequence("updates", updates)], flags);

        var received = await WriteThenReadAsync(message, responseTo: 0, asReply: false);

        var msg = Assert.IsType<OpMsg>(received.Message);
        Assert.Equal(flags, msg.Flags);
        Assert.Equal(body, msg.Body);
        Assert.Equal(["documents", "updates"], msg.Sequences.Select(s => s.Identifier));
        Assert.Equal(documents, msg.Sequences[0].Documents);
        Assert.Empty(msg.Sequences[1].Documents);
    }

    [Fact]
    public async Task OP_QUERY_round_trips_with_and_without_a_selector()
    {
        var query = new BsonDocument { { "isMaster", 1 }, { "client", new BsonDocument("driver", new BsonDocument("name", "test")) } };
        var withSelector = new OpQuery("admin.$cmd", query, OpQueryFlags.SecondaryOk | OpQueryFlags.Exhaust, 3, -1, new BsonDocument("x", 1));
        var without = new OpQuery("db.coll", query, numberToReturn: 5);

        var first = Assert.IsType<OpQuery>((await WriteThenReadAsync(withSelector, 0, asReply: false)).Message);
        var second = Assert.IsType<OpQuery>((await WriteThenReadAsync(without, 0, asReply: false)).Message);

        Assert.Equal(OpQueryFlags.SecondaryOk | OpQueryFlags.Exhaust, first.Flags);
        Assert.Equal("admin.$cmd", first.FullCollectionName);
        Assert.Equal(3, first.NumberToSkip);
        Assert.Equal(-1, first.NumberToReturn);
        Assert.Equal(query, first.Query);
        Assert.Equal(new BsonDocument("x", 1), first.ReturnFieldsSelector);
        Assert.Null(second.ReturnFieldsSelector);
        Assert.False(second.IsCommand);
        Assert.Equal("db", second.DatabaseName);
        Assert.Equal(5, second.NumberToReturn);
    }

    [Fact]
    public async Task OP_REPLY_round_trips()
    {
        var reply = new OpReply([new BsonDocument("ok", 1.0), new BsonDocument("n", 2)], OpReplyFlags.AwaitCapable | OpReplyFlags.QueryFailure, cursorId: 77, startingFrom: 4);

        var received = await WriteThenReadAsync(reply, responseTo: 12, asReply: true);

        var op = Assert.IsType<OpReply>(received.Message);
        Assert.Equal(OpReplyFlags.AwaitCapable | OpReplyFlags.QueryFailure, op.ResponseFlags);
        Assert.Equal(77, op.CursorId);
        Assert.Equal(4, op.StartingFrom);
        Assert.Equal([new BsonDocument("ok", 1.0), new BsonDocument("n", 2)], op.Documents);
    }

    [Fact]
    public async Task An_OP_MSG_reply_round_trips_through_the_reply_reader()
    {
        var received = await WriteThenReadAsync(new OpMsg(new BsonDocument("ok", 1.0)), responseTo: 99, asReply: true);

        Assert.Equal(new BsonDocument("ok", 1.0), Assert.IsType<OpMsg>(received.Message).Body);
    }

    [Fact]
    public async Task OP_REPLY_whose_count_disagrees_with_its_documents_is_rejected()
    {
        var frame = new ByteBuilder().Header(1, 5, 1).Int32(8).Int64(0).Int32(0).Int32(2).Raw(Frames.Ping).Build();

        var error = await Assert.ThrowsAsync<WireProtocolException>(() => new MessageReader(new MemoryStream(frame)).ReadReplyAsync());

        Assert.Contains("numberReturned is 2 but the message holds 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_field_names_are_kept_for_the_command_layer_to_judge()
    {
        var frame = Frames.OpMsgStart().Byte(0)
            .Int32(4 + 7 + 7 + 1).Raw(0x10, (byte)'a', 0, 1, 0, 0, 0).Raw(0x10, (byte)'a', 0, 2, 0, 0, 0).Byte(0)
            .Build();

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(frame))!.Message);

        Assert.Equal(2, msg.Body.ElementCount);
        Assert.Equal([1, 2], msg.Body.Elements.Select(e => e.Value.AsInt32));
    }
}
