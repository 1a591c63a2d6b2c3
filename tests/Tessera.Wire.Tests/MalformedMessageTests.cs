using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

/// <summary>Each way a message can be malformed gives a WireProtocolException that names the problem.</summary>
public class MalformedMessageTests
{
    private static void AssertMentions(Exception error, params string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_message_length_below_the_header_size_is_rejected()
    {
        var frame = new ByteBuilder().Int32(10).Int32(1).Int32(0).Int32(Frames.OpMsgCode).Build(patchLength: false);

        AssertMentions(await Frames.ReadFailsAsync(frame), "message length 10", "16-byte header");
    }

    [Fact]
    public async Task A_message_length_below_the_op_minimum_is_rejected()
    {
        var frame = new ByteBuilder().Header(1, 0, Frames.OpMsgCode).Int32(0).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "OP_MSG (2013) message length 20", "minimum of 26");
    }

    [Fact]
    public void A_large_announced_length_reserves_memory_only_as_bytes_arrive()
    {
        var header = new ByteBuilder().Int32(40_000_000).Int32(1).Int32(0).Int32(Frames.OpMsgCode).Build(patchLength: false);
        var reader = new MessageReader(new MemoryStream([.. header, .. new byte[100]]));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = reader.ReadRequestAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(read.IsCompleted);
        AssertMentions(Assert.IsType<WireProtocolException>(read.Exception?.InnerException), "closed after 116 of the 40000000 bytes");
        Assert.True(allocated < 1_000_000, $"the reader allocated {allocated:N0} bytes for 116 bytes received");
    }

    [Fact]
    public void A_message_length_over_48_million_is_rejected_from_the_header_alone()
    {
        var header = new ByteBuilder().Int32(48_000_001).Int32(1).Int32(0).Int32(Frames.OpMsgCode).Build(patchLength: false);
        var reader = new MessageReader(new HeaderOnlyStream(header));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = reader.ReadRequestAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The stream completes synchronously, so everything the reader did happened on this thread.
        Assert.True(read.IsCompleted);
        var error = Assert.IsType<WireProtocolException>(read.Exception?.InnerException);
        AssertMentions(error, "48,000,001", "maxMessageSizeBytes (48,000,000)");
        Assert.True(allocated < 1_000_000, $"the reader allocated {allocated:N0} bytes for a rejected header");
    }

    [Fact]
    public async Task A_negative_message_length_is_rejected()
    {
        var frame = new ByteBuilder().Int32(-5).Int32(1).Int32(0).Int32(Frames.OpMsgCode).Build(patchLength: false);

        AssertMentions(await Frames.ReadFailsAsync(frame), "message length -5");
    }

    [Fact]
    public async Task A_truncated_body_is_rejected()
    {
        var whole = Frames.OpMsgWithBody(new BsonDocument("ping", 1));
        var frame = whole[..^5];

        AssertMentions(await Frames.ReadFailsAsync(frame), $"closed after {whole.Length - 5} of the {whole.Length} bytes", "OP_MSG");
    }

    [Fact]
    public async Task End_of_stream_inside_a_header_is_an_error_but_between_messages_is_a_clean_close()
    {
        AssertMentions(await Frames.ReadFailsAsync(new byte[7]), "closed after 7 of the 16 bytes of a message header");

        Assert.Null(await Frames.ReadOneAsync([]));

        var reader = new MessageReader(new MemoryStream(Frames.OpMsgWithBody(new BsonDocument("ping", 1))));
        Assert.NotNull(await reader.ReadRequestAsync());
        Assert.Null(await reader.ReadRequestAsync());
    }

    [Fact]
    public async Task Two_body_sections_are_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(0).Raw(Frames.Ping).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "second body section (kind 0) at offset 36", "exactly one");
    }

    [Fact]
    public async Task A_message_without_a_body_section_is_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(1).Int32(4 + 10 + 14).CString("documents").Raw(Frames.IdOne).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "no body section (kind 0)");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(255)]
    public async Task An_unknown_section_kind_is_rejected(byte kind)
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(kind).Raw(Frames.Ping).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), $"OP_MSG section kind {kind} at offset 36 is not 0 or 1");
    }

    [Fact]
    public async Task A_sequence_size_beyond_the_message_is_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(1).Int32(4 + 10 + 14 + 1).CString("documents").Raw(Frames.IdOne).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "document sequence at offset 37 declares size 29", "28 bytes remain");
    }

    [Fact]
    public async Task A_sequence_size_that_cuts_a_document_short_is_rejected()
    {
        // The size leaves out the last byte of the document, which then spills into the next "section".
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(1).Int32(4 + 10 + 13).CString("documents").Raw(Frames.IdOne).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "document 0 of OP_MSG sequence 'documents'", "declares 14 bytes but only 13 remain");
    }

    [Fact]
    public async Task An_identifier_without_its_terminator_is_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(1).Int32(4 + 9).Raw("documents"u8.ToArray()).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "identifier at offset 41 is not NUL-terminated");
    }

    [Fact]
    public async Task An_empty_identifier_is_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(1).Int32(4 + 1 + 14).CString("").Raw(Frames.IdOne).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "empty identifier");
    }

    [Fact]
    public async Task A_repeated_identifier_is_rejected()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping)
            .Byte(1).Int32(4 + 10 + 14).CString("documents").Raw(Frames.IdOne)
            .Byte(1).Int32(4 + 10 + 14).CString("documents").Raw(Frames.IdTwo)
            .Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "'documents'", "repeats an earlier identifier");
    }

    [Fact]
    public async Task A_document_longer_than_its_section_is_rejected()
    {
        byte[] claimsHundred = [100, 0, 0, 0, 0x10, (byte)'_', (byte)'i', (byte)'d', 0, 1, 0, 0, 0, 0];
        var frame = Frames.OpMsgStart().Byte(0).Raw(Frames.Ping).Byte(1).Int32(4 + 10 + 14).CString("documents").Raw(claimsHundred).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "declares 100 bytes but only 14 remain");
    }

    [Fact]
    public async Task A_body_longer_than_the_message_is_rejected()
    {
        byte[] body = [0x40, 0, 0, 0, 0x10, (byte)'p', (byte)'i', (byte)'n', (byte)'g', 0, 1, 0, 0, 0, 0];
        var frame = Frames.OpMsgStart().Byte(0).Raw(body).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "OP_MSG body", "declares 64 bytes but only 15 remain");
    }

    public static TheoryData<string, byte[], string> InvalidBodies => new()
    {
        { "unknown element type", [0x0F, 0, 0, 0, 0x99, (byte)'p', (byte)'i', (byte)'n', (byte)'g', 0, 1, 0, 0, 0, 0], "unknown BSON element type 0x99 at offset 25" },
        { "missing terminator", [0x0F, 0, 0, 0, 0x10, (byte)'p', (byte)'i', (byte)'n', (byte)'g', 0, 1, 0, 0, 0, 7], "does not end with a NUL terminator" },
        { "length below 5", [0x04, 0, 0, 0, 0], "declares length 4, less than the minimum of 5" },
        { "invalid UTF-8 in a name", [0x0F, 0, 0, 0, 0x10, (byte)'p', 0xC3, 0x28, (byte)'g', 0, 1, 0, 0, 0, 0], "field name at offset 26 is not valid UTF-8" },
        { "invalid UTF-8 in a string", [0x0F, 0, 0, 0, 0x02, (byte)'s', 0, 3, 0, 0, 0, 0xFF, 0xFE, 0, 0], "BSON string at offset 28 is not valid UTF-8" },
        { "string length beyond the document", [0x10, 0, 0, 0, 0x02, (byte)'s', 0, 0xF0, 0xFF, 0xFF, 0x7F, (byte)'a', (byte)'b', 0, 0, 0], "BSON string at offset 28 declares length 2147483632" },
        { "string without NUL", [0x10, 0, 0, 0, 0x02, (byte)'s', 0, 3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0, 0], "does not end with NUL" },
        { "name runs into the terminator", [0x08, 0, 0, 0, 0x10, (byte)'a', (byte)'b', 0], "field name at offset 26 is not terminated" },
        { "int32 cut short", [0x0B, 0, 0, 0, 0x10, (byte)'a', 0, 1, 0, 0, 0], "needs 4 value bytes" },
        { "boolean 2", [0x09, 0, 0, 0, 0x08, (byte)'b', 0, 2, 0], "BSON boolean at offset 28 is 2, not 0 or 1" },
        { "nested length beyond parent", [0x0F, 0, 0, 0, 0x03, (byte)'d', 0, 0x20, 0, 0, 0, 0, 0, 0, 0], "declares 32 bytes but only 7 remain" },
        { "binary length beyond the document", [0x0E, 0, 0, 0, 0x05, (byte)'b', 0, 0x00, 0x10, 0, 0, 0, 0, 0], "BSON binary at offset 28 declares length 4096" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_bson_in_the_body_is_a_wire_protocol_error(string what, byte[] body, string expected)
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(body).Build();

        var error = await Frames.ReadFailsAsync(frame);

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_rejected_without_overflowing_the_stack()
    {
        // 100,000 levels would crash the process if anything recursed per level without a limit.
        var frame = Frames.OpMsgStart().Byte(0).Raw(NestedDocument(100_000)).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "nested more than 200 levels deep");
    }

    [Fact]
    public async Task Nesting_up_to_the_limit_is_accepted()
    {
        var frame = Frames.OpMsgStart().Byte(0).Raw(NestedDocument(200)).Build();

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(frame))!.Message);
        Assert.True(msg.Body.Contains("a"));
    }

    /// <summary>{a: {a: {... {} ...}}} with <paramref name="levels"/> documents in all.</summary>
    private static byte[] NestedDocument(int levels)
    {
        // Each level is: int32 length, 0x03 'a' 0, the inner document, 0.
        var innermost = 5;
        var total = innermost + ((levels - 1) * 8);
        var bytes = new byte[total];
        var position = 0;
        for (var level = 0; level < levels - 1; level++)
        {
            var length = total - (level * 8);
            BitConverter.TryWriteBytes(bytes.AsSpan(position), length);
            bytes[position + 4] = 0x03;
            bytes[position + 5] = (byte)'a';
            bytes[position + 6] = 0;
            bytes[total - 1 - level] = 0;
            position += 7;
        }

        BitConverter.TryWriteBytes(bytes.AsSpan(position), innermost);
        return bytes;
    }

    [Fact]
    public async Task An_unknown_required_flag_bit_is_rejected()
    {
        var frame = Frames.OpMsgStart(flags: 1u << 2).Byte(0).Raw(Frames.Ping).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "required bit 2");
    }

    [Fact]
    public async Task OP_COMPRESSED_is_rejected_naming_compression()
    {
        var frame = new ByteBuilder().Header(1, 0, 2012).Int32(2013).Int32(100).Byte(0).Raw(new byte[20]).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "OP_COMPRESSED (2012)", "does not advertise compression");
    }

    [Fact]
    public async Task An_unknown_op_code_is_rejected()
    {
        var frame = new ByteBuilder().Header(1, 0, 1234).Raw(new byte[20]).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "unknown opCode 1234");
    }

    [Theory]
    [InlineData(2002, "OP_INSERT (2002)")]
    [InlineData(2005, "OP_GET_MORE (2005)")]
    [InlineData(1, "OP_REPLY (1)")]
    public async Task Legacy_op_codes_are_rejected_by_name(int opCode, string name)
    {
        var frame = new ByteBuilder().Header(1, 0, opCode).Raw(new byte[30]).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), name, "not accepted as a request");
    }

    [Fact]
    public async Task OP_QUERY_with_bytes_after_its_documents_is_rejected()
    {
        var frame = new ByteBuilder().Header(1, 0, 2004).Int32(0).CString("admin.$cmd").Int32(0).Int32(-1)
            .Raw(Frames.Ping).Raw(Frames.IdOne).Raw(1, 2, 3).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "3 unexpected bytes");
    }

    [Fact]
    public async Task OP_QUERY_with_an_unterminated_collection_name_is_rejected()
    {
        var frame = new ByteBuilder().Header(1, 0, 2004).Int32(0).Raw(new byte[30].Select(_ => (byte)'a').ToArray()).Build();

        AssertMentions(await Frames.ReadFailsAsync(frame), "fullCollectionName at offset 20 is not NUL-terminated");
    }

    [Fact]
    public async Task A_document_over_16_MiB_plus_16_KiB_is_rejected()
    {
        var frame = MessageWithBinaryBodyOfSize(WireLimits.MaxWireDocumentSize + 1);

        AssertMentions(await Frames.ReadFailsAsync(frame), "declares 16,793,601 bytes", "16,793,600-byte limit");
    }

    [Fact]
    public async Task A_document_of_exactly_16_MiB_plus_16_KiB_is_accepted()
    {
        var frame = MessageWithBinaryBodyOfSize(WireLimits.MaxWireDocumentSize);

        var msg = Assert.IsType<OpMsg>((await Frames.ReadOneAsync(frame))!.Message);
        Assert.Equal(WireLimits.MaxWireDocumentSize - 13, msg.Body["b"].AsByteArray.Length);
    }

    /// <summary>An OP_MSG whose body is {b: BinData(0, …)} of exactly <paramref name="documentSize"/> bytes.</summary>
    private static byte[] MessageWithBinaryBodyOfSize(int documentSize)
    {
        var payload = documentSize - 13; // length 4, type 1, "b\0" 2, binary length 4, subtype 1, terminator 1
        return Frames.OpMsgStart().Byte(0)
            .Int32(documentSize).Byte(0x05).CString("b").Int32(payload).Byte(0).Raw(new byte[payload]).Byte(0)
            .Build();
    }
}
