using MongoDB.Bson;

namespace Tessera.Query.Aggregation;

/// <summary>
/// Gives a stage the documents of another collection of the same database ($lookup's "from").
/// Returns null when the collection does not exist, which $lookup treats as empty.
/// </summary>
public delegate IEnumerable<BsonDocument>? CollectionResolver(string collectionName);

internal sealed class PipelineContext(CollectionResolver? resolver)
{
    public IEnumerable<BsonDocument> Collection(string name) =>
        (resolver ?? throw new QueryException(ErrorCodes.IllegalOperation, $"$lookup needs access to other collections, but none was given (from: {name})"))(name) ?? [];
}
