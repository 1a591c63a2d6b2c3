using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// OP_MSG (2013), the message every modern driver uses for commands and replies: flag bits, exactly one
/// body document (kind 0) and any number of document sequences (kind 1).
/// </summary>
public sealed class OpMsg : WireMessage
{
    public OpMsg(BsonDocument body, IReadOnlyList<DocumentSequence>? sequences = null, OpMsgFlags flags = OpMsgFlags.None)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Sequences = sequences ?? [];
        Flags = flags;

        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sequence in Sequences)
        {
            ArgumentNullException.ThrowIfNull(sequence, nameof(sequences));
            if (!identifiers.Add(sequence.Identifier))
            {
                throw new ArgumentException($"document sequence '{sequence.Identifier}' is given twice", nameof(sequences));
            }
        }
    }

    public override OpCode OpCode => OpCode.Msg;

    public OpMsgFlags Flags { get; }

    public BsonDocument Body { get; }

    /// <summary>The kind-1 sections in the order they were sent; identifiers are unique.</summary>
    public IReadOnlyList<DocumentSequence> Sequences { get; }

    public bool ChecksumPresent => (Flags & OpMsgFlags.ChecksumPresent) != 0;

    /// <summary>The sender expects no reply to this message.</summary>
    public bool MoreToCome => (Flags & OpMsgFlags.MoreToCome) != 0;

    public bool ExhaustAllowed => (Flags & OpMsgFlags.ExhaustAllowed) != 0;

    /// <summary>
    /// The command as a handler wants it: the body with each document sequence added as an array field
    /// (<c>insert</c> + sequence <c>documents</c> becomes <c>body.documents</c>). The body itself is not changed.
    /// A field given both in the body and as a sequence is ambiguous, so it is an error, as in mongod.
    /// </summary>
    public BsonDocument ToCommandDocument()
    {
        if (Sequences.Count == 0)
        {
            return Body;
        }

        var command = new BsonDocument { AllowDuplicateNames = Body.AllowDuplicateNames };
        command.AddRange(Body.Elements);
        foreach (var sequence in Sequences)
        {
            if (Body.Contains(sequence.Identifier))
            {
                throw new WireProtocolException(
                    $"OP_MSG field '{sequence.Identifier}' is given both in the body and as a document sequence; send it one way only");
            }

            command.Add(sequence.Identifier, new BsonArray(sequence.Documents));
        }

        return command;
    }
}
