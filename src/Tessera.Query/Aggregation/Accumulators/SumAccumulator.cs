using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Accumulators;

/// <summary>$sum: adds the numbers, ignores everything else; int stays int until it overflows.</summary>
internal sealed class SumAccumulator : Accumulator
{
    private BsonValue _total = new BsonInt32(0);

    public override void Add(BsonValue? value)
    {
        if (Numbers.IsNumber(value))
        {
            _total = Arithmetic.AddOrPromote(_total, value!);
        }
    }

    public override BsonValue Result() => _total;
}

/// <summary>$count: {} — the number of documents in the group.</summary>
internal sealed class CountAccumulator : Accumulator
{
    private BsonValue _total = new BsonInt32(0);

    public override void Add(BsonValue? value) => _total = Arithmetic.AddOrPromote(_total, new BsonInt32(1));

    public override BsonValue Result() => _total;
}
