using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>$exists: true. ($exists: false is its negation over the whole path.)</summary>
internal sealed class ExistsPredicate : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details) => value is not null;
}
