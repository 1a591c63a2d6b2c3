using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// An OP_MSG kind-1 section: documents that logically belong to the command body field named
/// <see cref="Identifier"/> (for example the <c>documents</c> of an <c>insert</c>), sent outside the body so
/// that a batch is not limited to one 16 MiB document.
/// </summary>
public sealed class DocumentSequence
{
    public DocumentSequence(string identifier, IReadOnlyList<BsonDocument> documents)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentNullException.ThrowIfNull(documents);
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("a document sequence identifier is a C string and cannot contain NUL", nameof(identifier));
        }

        Identifier = identifier;
        Documents = documents;
    }

    public string Identifier { get; }

    public IReadOnlyList<BsonDocument> Documents { get; }
}
