using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>$mod: [divisor, remainder] on numbers truncated to integers, with C's sign rules as in mongod.</summary>
internal sealed class ModPredicate(long divisor, long remainder) : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        // mongod: NaN, infinities and values beyond the long range match nothing.
        if (value is null || !Comparison.BsonTypeOrder.IsNumber(value) || !Numbers.TryTruncateToLongInRange(value, out var dividend))
        {
            return false;
        }

        // long.MinValue % -1 overflows in .NET; every integer is divisible by -1.
        var actual = divisor == -1 ? 0 : dividend % divisor;
        return actual == remainder;
    }
}
