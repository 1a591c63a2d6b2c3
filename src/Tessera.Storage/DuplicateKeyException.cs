using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace Tessera.Storage;

/// <summary>
/// An insert met a document with the same key. It keeps the namespace, the index and the key value
/// so the server can write MongoDB's E11000 message and the writeErrors fields
/// (<c>keyPattern</c>, <c>keyValue</c>) drivers read.
/// </summary>
public sealed class DuplicateKeyException : StorageException
{
    public const string IdIndexName = "_id_";

    public DuplicateKeyException(NamespaceString ns, BsonValue idValue)
        : this(ns, IdIndexName, new BsonDocument("_id", 1), new BsonDocument("_id", idValue))
    {
    }

    public DuplicateKeyException(NamespaceString ns, string indexName, BsonDocument keyPattern, BsonDocument keyValue)
        : base(StorageErrorCodes.DuplicateKey, "DuplicateKey", FormatMessage(ns, indexName, keyValue))
    {
        Namespace = ns;
        IndexName = indexName;
        KeyPattern = keyPattern;
        KeyValue = keyValue;
    }

    public NamespaceString Namespace { get; }

    public string IndexName { get; }

    /// <summary>The index's key pattern, e.g. <c>{ _id: 1 }</c>.</summary>
    public BsonDocument KeyPattern { get; }

    /// <summary>The duplicated key, e.g. <c>{ _id: 42 }</c>.</summary>
    public BsonDocument KeyValue { get; }

    /// <summary><c>E11000 duplicate key error collection: db.coll index: _id_ dup key: { _id: 42 }</c>, as mongod words it.</summary>
    private static string FormatMessage(NamespaceString ns, string indexName, BsonDocument keyValue)
    {
        var shell = new JsonWriterSettings { OutputMode = JsonOutputMode.Shell };
        var fields = string.Join(", ", keyValue.Select(e => $"{e.Name}: {e.Value.ToJson(shell)}"));
        return $"E11000 duplicate key error collection: {ns} index: {indexName} dup key: {{ {fields} }}";
    }
}
