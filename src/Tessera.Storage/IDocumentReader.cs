using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage;

/// <summary>
/// Reading the catalog and documents. A missing database or collection reads as empty, as in
/// MongoDB: finding in a collection that does not exist is not an error.
/// </summary>
public interface IDocumentReader
{
    /// <summary>Names of databases that hold at least one collection, in binary order.</summary>
    IReadOnlyList<string> ListDatabaseNames();

    /// <summary>The collections of one database, by name.</summary>
    IReadOnlyList<CollectionInfo> ListCollections(string databaseName);

    CollectionInfo? GetCollection(NamespaceString ns);

    /// <summary>The document whose _id equals <paramref name="id"/> by MongoDB's comparison (1 finds 1.0).</summary>
    BsonDocument? FindById(NamespaceString ns, BsonValue id);

    /// <summary>
    /// Every document in MongoDB's _id order, read as the enumeration proceeds: a large collection is
    /// never held in memory. Dispose the enumerator (foreach does) to release its connection.
    /// </summary>
    IEnumerable<BsonDocument> ScanInIdOrder(NamespaceString ns);

    long Count(NamespaceString ns);

    /// <summary>The BSON size of every document in the database, in bytes (listDatabases' sizeOnDisk, dbStats' dataSize).</summary>
    long DataSize(string databaseName);

    /// <summary>Document count, BSON bytes and each index's bytes (collStats, dbStats); null when the collection does not exist.</summary>
    CollectionStatistics? Statistics(NamespaceString ns);

    /// <summary>The collection's indexes, <c>_id_</c> first; none when the collection does not exist.</summary>
    IReadOnlyList<IndexSpec> ListIndexes(NamespaceString ns);

    /// <summary>
    /// The documents with a key in <paramref name="range"/> of the named index, in index order (reversed on
    /// request), each once. Throws IndexNotFound (27) for an unknown index. The caller still applies its filter:
    /// a multikey document is found by any of its keys.
    /// </summary>
    IEnumerable<BsonDocument> ScanIndex(NamespaceString ns, string indexName, IndexRange range, bool reverse = false);
}
