using MongoDB.Bson;
using Tessera.Storage.Indexes;

namespace Tessera.Storage;

/// <summary>Changing the catalog and documents.</summary>
public interface IDocumentWriter
{
    /// <summary>Creates an empty collection; throws <see cref="NamespaceExistsException"/> if it exists.</summary>
    CollectionInfo CreateCollection(NamespaceString ns, BsonDocument? options = null);

    /// <summary>Removes the collection and its documents; false if there was none.</summary>
    bool DropCollection(NamespaceString ns);

    /// <summary>
    /// Renames a collection, also into another database, with its documents and indexes. Throws NamespaceNotFound
    /// (26) when the source does not exist and <see cref="NamespaceExistsException"/> when the target exists
    /// (unless <paramref name="dropTarget"/>, which drops it first).
    /// </summary>
    void RenameCollection(NamespaceString from, NamespaceString to, bool dropTarget);

    /// <summary>Removes every collection of the database; false if it had none.</summary>
    bool DropDatabase(string databaseName);

    /// <summary>
    /// Stores a document that has an _id, creating the collection if needed (as a MongoDB insert does).
    /// Throws <see cref="DuplicateKeyException"/> if a document with an equal _id, or an equal key in a unique
    /// index, exists.
    /// </summary>
    void Insert(NamespaceString ns, BsonDocument document);

    /// <summary>Replaces the document with the same _id; false if there was none.</summary>
    bool Replace(NamespaceString ns, BsonDocument document);

    /// <summary>
    /// Creates and builds an index, creating the collection if needed; false when an identical index exists.
    /// Throws <see cref="DuplicateKeyException"/> when a unique index meets existing duplicates (nothing is
    /// created), IndexKeySpecsConflict (86) for a name taken by another definition, IndexOptionsConflict (85)
    /// for the same key pattern under another name or options.
    /// </summary>
    bool CreateIndex(NamespaceString ns, IndexSpec index);

    /// <summary>Drops an index by name; false if there was none. The _id index cannot be dropped (72).</summary>
    bool DropIndex(NamespaceString ns, string indexName);

    /// <summary>Deletes the document with this _id; false if there was none.</summary>
    bool DeleteById(NamespaceString ns, BsonValue id);
}
