using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// Writes whole messages to a connection's stream, one write per message. Request ids come from one
/// process-wide counter (as in mongod and the drivers), so ids in logs are unique across connections.
/// Not safe for concurrent writes to the same stream.
/// </summary>
public sealed class MessageWriter
{
    private static int __lastRequestId;

    private readonly Stream _stream;

    public MessageWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>The next request id: positive, increasing, wrapping past int.MaxValue.</summary>
    public static int NextRequestId() => Interlocked.Increment(ref __lastRequestId) & int.MaxValue;

    /// <summary>The bytes of a message, header included, as <see cref="WriteAsync"/> would send them.</summary>
    public static byte[] Encode(WireMessage message, int requestId, int responseTo = 0)
    {
        using var encoded = MessageEncoder.Encode(message, requestId, responseTo);
        return encoded.ToArray();
    }

    /// <summary>
    /// Writes any message: a request (responseTo 0), or a reply (responseTo the request's id). An OP_MSG
    /// with <see cref="OpMsgFlags.ChecksumPresent"/> gets its CRC-32C appended. Returns the request id used.
    /// </summary>
    public async Task<int> WriteAsync(WireMessage message, int responseTo = 0, CancellationToken cancellationToken = default)
    {
        var requestId = NextRequestId();
        using var encoded = MessageEncoder.Encode(message, requestId, responseTo);
        await _stream.WriteAsync(encoded.GetBuffer().AsMemory(0, (int)encoded.Length), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return requestId;
    }

    /// <summary>
    /// Answers a request in the form it came in: an OP_MSG (flag bits 0, one body section) to an OP_MSG,
    /// an OP_REPLY (one document, no cursor) to an OP_QUERY. Returns the request id used.
    /// </summary>
    public Task<int> WriteReplyAsync(ReceivedMessage request, BsonDocument reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        WireMessage message = request.Message switch
        {
            OpMsg => new OpMsg(reply),
            OpQuery => new OpReply(reply),
            _ => throw new ArgumentException($"{OpCodeNames.Describe(request.Message.OpCode)} is not a request", nameof(request)),
        };
        return WriteAsync(message, request.Header.RequestId, cancellationToken);
    }
}
