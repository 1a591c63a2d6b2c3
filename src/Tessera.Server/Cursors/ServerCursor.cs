using MongoDB.Bson;

namespace Tessera.Server.Cursors;

/// <summary>
/// An open cursor: the rest of a result, read lazily, with the namespace and user it belongs to. Used by one
/// getMore at a time; idle ones are closed after the cursor timeout unless opened with noCursorTimeout.
/// </summary>
internal sealed class ServerCursor : IDisposable
{
    private readonly IEnumerator<BsonDocument> _documents;
    private BsonDocument? _pending;
    private bool _exhausted;

    public ServerCursor(long id, string ns, string? owner, IEnumerator<BsonDocument> documents, bool noTimeout, DateTimeOffset now)
    {
        Id = id;
        Namespace = ns;
        Owner = owner;
        _documents = documents;
        NoTimeout = noTimeout;
        LastUsed = now;
    }

    public long Id { get; }

    /// <summary>"db.collection" (or "db.$cmd.listCollections"), what getMore must name.</summary>
    public string Namespace { get; }

    /// <summary>The user that opened it ("user@db"), or null when it was opened without a login (auth off).</summary>
    public string? Owner { get; }

    public bool NoTimeout { get; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>Set while a getMore reads it, so a second one at the same time is refused.</summary>
    public bool InUse { get; set; }

    public bool Exhausted => _exhausted && _pending is null;

    /// <summary>
    /// The next batch: at most <paramref name="count"/> documents and, like mongod, no more than
    /// <paramref name="maxBytes"/> of BSON (a batch always holds at least one document when any is left).
    /// </summary>
    public List<BsonDocument> NextBatch(int count, int maxBytes)
    {
        var batch = new List<BsonDocument>();
        var bytes = 0;
        while (batch.Count < count && Next() is { } document)
        {
            var size = document.ToBson().Length;
            if (batch.Count > 0 && bytes + size > maxBytes)
            {
                _pending = document; // the next batch starts with it
                break;
            }

            batch.Add(document);
            bytes += size;
        }

        return batch;
    }

    public void Dispose() => _documents.Dispose();

    private BsonDocument? Next()
    {
        if (_pending is { } pending)
        {
            _pending = null;
            return pending;
        }

        if (_exhausted || !_documents.MoveNext())
        {
            _exhausted = true;
            return null;
        }

        return _documents.Current;
    }
}
