using MongoDB.Bson;

namespace Tessera.Storage;

/// <summary>A catalog entry: what listCollections reports about a collection.</summary>
/// <param name="Namespace">The collection's database and name.</param>
/// <param name="Uuid">Fixed at creation, as MongoDB's collection UUID; a re-created collection gets a new one.</param>
/// <param name="Options">The options given to create (capped, validator, ...), stored but not interpreted here.</param>
public sealed record CollectionInfo(NamespaceString Namespace, Guid Uuid, BsonDocument Options);
