namespace Tessera.Storage;

/// <summary>
/// A group of reads and writes that commit together, durably, or not at all. Reads see the
/// transaction's own writes; no other writer runs until it ends, so read-modify-write is safe.
/// Disposing without <see cref="Commit"/> rolls everything back. A failed write (a duplicate key)
/// undoes only that write: the caller decides whether to go on (unordered insert) or to stop.
/// A scan runs on the transaction's own connection: finish it (or copy it to a list) before writing
/// to the collection it reads, since SQLite does not define what a cursor sees of rows changed under it.
/// Use a transaction from one thread at a time, and always dispose it: it holds the write lock.
/// </summary>
public interface IStorageTransaction : IDocumentReader, IDocumentWriter, IDisposable
{
    void Commit();
}
