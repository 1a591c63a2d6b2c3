using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>$type: the value is of one of the given type codes ("number" is any numeric type).</summary>
internal sealed class TypePredicate(IReadOnlyCollection<int> codes) : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        if (value is null)
        {
            return false;
        }

        return codes.Contains(BsonTypeAliases.CodeOf(value.BsonType))
            || (codes.Contains(BsonTypeAliases.NumberAlias) && Numbers.IsNumber(value));
    }
}
