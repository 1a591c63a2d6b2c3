using MongoDB.Bson;

namespace Tessera.Query.Aggregation;

/// <summary>
/// Gives a stage the documents of another collection of the same database ($lookup's "from").
/// Returns null when the collection does not exist, which $lookup treats as empty.
/// </summary>
public delegate IEnumerable<BsonDocument>? CollectionResolver(string collectionName);

internal sealed class PipelineContext(CollectionResolver? resolver, IReadOnlyDictionary<string, BsonValue?>? variables = null)
{
    /// <summary>User variables in scope ($lookup's let), or null.</summary>
    public IReadOnlyDictionary<string, BsonValue?>? Variables { get; } = variables;

    /// <summary>The context of a sub-pipeline that also sees <paramref name="bound"/>.</summary>
    public PipelineContext With(IReadOnlyDictionary<string, BsonValue?> bound)
    {
        var merged = new Dictionary<string, BsonValue?>(Variables ?? new Dictionary<string, BsonValue?>(), StringComparer.Ordinal);
        foreach (var (name, value) in bound)
        {
            merged[name] = value;
        }

        return new PipelineContext(resolver, merged);
    }

    public IEnumerable<BsonDocument> Collection(string name) =>
        (resolver ?? throw new QueryException(ErrorCodes.IllegalOperation, $"$lookup needs access to other collections, but none was given (from: {name})"))(name) ?? [];
}
