using MongoDB.Bson;
using Tessera.Storage;
using Tessera.Storage.Indexes;

namespace Tessera.Server.Queries;

/// <summary>
/// How a query reads its candidates: one document by _id, a range of one index, or the whole collection. The
/// candidates are a superset of the matches; the command still applies the full filter to each.
/// </summary>
public abstract record QueryPlan(NamespaceString Namespace)
{
    /// <summary>The candidate documents, read lazily from <paramref name="reader"/>.</summary>
    public abstract IEnumerable<BsonDocument> Candidates(IDocumentReader reader);

    /// <summary>The plan as explain shows it (winningPlan), in mongod's stage names.</summary>
    public abstract BsonDocument Explain();
}

/// <summary>An equality on _id: one B-tree lookup (mongod's IDHACK).</summary>
public sealed record IdLookupPlan(NamespaceString Namespace, BsonValue Id) : QueryPlan(Namespace)
{
    public override IEnumerable<BsonDocument> Candidates(IDocumentReader reader) =>
        reader.FindById(Namespace, Id) is { } document ? [document] : [];

    public override BsonDocument Explain() => new("stage", "IDHACK");
}

/// <summary>A range of one index, then each document fetched (mongod's IXSCAN under FETCH).</summary>
public sealed record IndexScanPlan(NamespaceString Namespace, IndexSpec Index, IndexRange Range, string Bounds, bool Reverse = false) : QueryPlan(Namespace)
{
    public override IEnumerable<BsonDocument> Candidates(IDocumentReader reader) => reader.ScanIndex(Namespace, Index.Name, Range, Reverse);

    public override BsonDocument Explain() => new()
    {
        { "stage", "FETCH" },
        {
            "inputStage", new BsonDocument
            {
                { "stage", "IXSCAN" },
                { "keyPattern", Index.Key.DeepClone() },
                { "indexName", Index.Name },
                { "isUnique", Index.Unique },
                { "isSparse", Index.Sparse },
                { "direction", Reverse ? "backward" : "forward" },
                { "indexBounds", Bounds },
            }
        },
    };
}

/// <summary>Every document, in _id order (mongod's COLLSCAN).</summary>
public sealed record CollectionScanPlan(NamespaceString Namespace) : QueryPlan(Namespace)
{
    public override IEnumerable<BsonDocument> Candidates(IDocumentReader reader) => reader.ScanInIdOrder(Namespace);

    public override BsonDocument Explain() => new() { { "stage", "COLLSCAN" }, { "direction", "forward" } };
}
