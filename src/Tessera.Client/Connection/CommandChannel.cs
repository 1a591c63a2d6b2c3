using MongoDB.Bson;
using Tessera.Wire;

namespace Tessera.Client.Connection;

/// <summary>
/// Commands over one stream as OP_MSG, with Tessera.Wire's codec (the server's own, so both sides agree on framing and
/// limits). One command at a time: a request and its reply are never interleaved with another's.
/// </summary>
internal sealed class CommandChannel : IDisposable
{
    private readonly MessageWriter _writer;
    private readonly MessageReader _reader;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public CommandChannel(Stream stream)
    {
        _writer = new MessageWriter(stream);
        _reader = new MessageReader(stream);
    }

    /// <summary>Sends the command and returns the reply's body; null when the server closed the connection instead of answering.</summary>
    /// <exception cref="WireProtocolException">The reply is not a valid OP_MSG or OP_REPLY.</exception>
    public async Task<BsonDocument?> SendAsync(BsonDocument command, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var requestId = await _writer.WriteAsync(new OpMsg(command), cancellationToken: cancellationToken).ConfigureAwait(false);
            var reply = await _reader.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                return null;
            }

            if (reply.Header.ResponseTo != requestId)
            {
                throw new WireProtocolException($"the reply answers request {reply.Header.ResponseTo}, not the request {requestId} just sent");
            }

            return reply.Message switch
            {
                OpMsg msg => msg.Body,
                OpReply { Documents.Count: > 0 } old => old.Documents[0],
                _ => throw new WireProtocolException("the reply holds no document"),
            };
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
