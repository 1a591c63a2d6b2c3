using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>The running state of one $group accumulator for one group; <c>value</c> is null when missing.</summary>
internal abstract class Accumulator
{
    public abstract void Add(BsonValue? value);

    public abstract BsonValue Result();
}
