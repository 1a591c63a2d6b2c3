using MongoDB.Bson;

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
}
