using MongoDB.Bson;

namespace Tessera.Query.Updates;

/// <summary>The updated document and whether it differs from the original (what nModified counts).</summary>
public sealed record UpdateResult(BsonDocument Document, bool Changed);
