using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>$in: equal to one of the values, or matched by one of the regular expressions.</summary>
internal sealed class InPredicate(IReadOnlyList<BsonValue> values, IReadOnlyList<RegexPredicate> regexes) : ValuePredicate
{
    public IReadOnlyList<BsonValue> Values { get; } = values;

    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        foreach (var expected in Values)
        {
            if (EqualityPredicate.IsEqual(value, expected))
            {
                return true;
            }
        }

        foreach (var regex in regexes)
        {
            if (regex.Matches(value, details))
            {
                return true;
            }
        }

        return false;
    }
}
