using MongoDB.Bson;

namespace Tessera.Query.Aggregation;

/// <summary>One stage of an aggregation pipeline: a lazy transformation of the document stream.</summary>
internal abstract class PipelineStage
{
    public abstract IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context);
}
