using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>$size: an array of exactly this length (never an element of one).</summary>
internal sealed class SizePredicate(int size) : ValuePredicate
{
    public override bool ExpandsLeafArrays => false;

    public override bool Matches(BsonValue? value, MatchDetails? details) => value is BsonArray array && array.Count == size;
}
