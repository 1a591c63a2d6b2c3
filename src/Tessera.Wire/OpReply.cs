using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// OP_REPLY (1), the answer to an OP_QUERY. A command reply has cursorID 0, startingFrom 0 and one document.
/// </summary>
public sealed class OpReply : WireMessage
{
    public OpReply(IReadOnlyList<BsonDocument> documents, OpReplyFlags responseFlags = OpReplyFlags.AwaitCapable, long cursorId = 0, int startingFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Documents = documents;
        ResponseFlags = responseFlags;
        CursorId = cursorId;
        StartingFrom = startingFrom;
    }

    /// <summary>A command reply: one document, no cursor.</summary>
    public OpReply(BsonDocument document)
        : this([document ?? throw new ArgumentNullException(nameof(document))])
    {
    }

    public override OpCode OpCode => OpCode.Reply;

    public OpReplyFlags ResponseFlags { get; }

    public long CursorId { get; }

    public int StartingFrom { get; }

    /// <summary>The documents; their count is the numberReturned field.</summary>
    public IReadOnlyList<BsonDocument> Documents { get; }
}
