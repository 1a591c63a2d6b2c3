using MongoDB.Bson;
using Tessera.Wire.Tests.Support;

namespace Tessera.Wire.Tests;

/// <summary>How the reader consumes a connection: pipelined messages, fragmented reads, and bytes the TLS sniffer already took.</summary>
public class StreamingTests
{
    private static readonly byte[] First = MessageWriter.Encode(
        new OpMsg(new BsonDocument { { "insert", "c" }, { "$db", "d" } }, [new DocumentSequence("documents", [new BsonDocument("_id", 1)])]),
        requestId: 1);

    private static readonly byte[] Second = MessageWriter.Encode(
        new OpQuery("admin.$cmd", new BsonDocument("isMaster", 1)),
        requestId: 2);

    private static byte[] Both => [.. First, .. Second];

    private static async Task AssertBothThenCleanCloseAsync(MessageReader reader)
    {
        var first = await reader.ReadRequestAsync();
        var second = await reader.ReadRequestAsync();

        Assert.Equal(1, first!.Header.RequestId);
        Assert.Equal("c", Assert.IsType<OpMsg>(first.Message).Body["insert"].AsString);
        Assert.Equal(2, second!.Header.RequestId);
        Assert.Equal(new BsonDocument("isMaster", 1), Assert.IsType<OpQuery>(second.Message).Query);
        Assert.Null(await reader.ReadRequestAsync());
    }

    [Fact]
    public async Task Two_pipelined_messages_are_read_back_to_back()
    {
        await AssertBothThenCleanCloseAsync(new MessageReader(new MemoryStream(Both)));
    }

    [Fact]
    public async Task Messages_arriving_one_byte_at_a_time_are_reassembled()
    {
        await AssertBothThenCleanCloseAsync(new MessageReader(new TricklingStream(Both)));
    }

    [Fact]
    public async Task The_sniffed_header_bytes_are_read_first()
    {
        var sniffed = Both[..MessageHeader.Size];
        var rest = new MemoryStream(Both[MessageHeader.Size..]);

        var header = MessageHeader.Read(sniffed);
        Assert.Equal(0, header.ResponseTo); // what the sniffer checks: 0 or -1 means plaintext

        await AssertBothThenCleanCloseAsync(new MessageReader(rest, sniffed));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task Already_read_bytes_of_any_length_are_read_first(int alreadyRead)
    {
        var buffer = Both[..alreadyRead];
        var reader = new MessageReader(new MemoryStream(Both[alreadyRead..]), buffer);
        Array.Clear(buffer); // the reader copied them

        await AssertBothThenCleanCloseAsync(reader);
    }

    [Fact]
    public async Task Already_read_bytes_spanning_more_than_one_message_are_all_used()
    {
        var alreadyRead = First.Length + 20;

        await AssertBothThenCleanCloseAsync(new MessageReader(new MemoryStream(Both[alreadyRead..]), Both[..alreadyRead]));
    }

    [Fact]
    public async Task A_short_sniffed_prefix_followed_by_end_of_stream_is_an_error()
    {
        var reader = new MessageReader(new MemoryStream(), Both[..10]);

        var error = await Assert.ThrowsAsync<WireProtocolException>(() => reader.ReadRequestAsync());

        Assert.Contains("closed after 10 of the 16 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_passed_to_the_stream()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var reader = new MessageReader(new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadRequestAsync(cancelled.Token));
    }
}
