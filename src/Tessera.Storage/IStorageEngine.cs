namespace Tessera.Storage;

/// <summary>
/// Durable storage of databases, collections and documents. Safe for concurrent use: reads run in
/// parallel; writes run one at a time, each single write in its own transaction, acknowledged only
/// once on disk. Group writes with <see cref="BeginTransaction"/> to commit them with one flush.
/// </summary>
public interface IStorageEngine : IDocumentReader, IDocumentWriter, IDisposable
{
    /// <summary>Waits for the write lock and starts a transaction that holds it until disposed.</summary>
    IStorageTransaction BeginTransaction();
}
