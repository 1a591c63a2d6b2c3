using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>
/// A test of one value reached by a path, as mongod's matchesSingleElement: <c>value</c> is null when the
/// path is missing. Arrays are not expanded here; the path walker offers elements and the whole array.
/// </summary>
internal abstract class ValuePredicate
{
    /// <summary>False for $size and $elemMatch, which must see the array itself and not its elements.</summary>
    public virtual bool ExpandsLeafArrays => true;

    public abstract bool Matches(BsonValue? value, MatchDetails? details);
}

/// <summary>Every predicate holds: the operators of one field ({$gt: 1, $lt: 5}) inside $elemMatch or $not.</summary>
internal sealed class AllOfPredicate(IReadOnlyList<ValuePredicate> predicates) : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details) => predicates.All(p => p.Matches(value, details));
}

internal sealed class NotPredicate(ValuePredicate predicate) : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details) => !predicate.Matches(value, null);
}

/// <summary>Matches nothing: <c>$all: []</c>.</summary>
internal sealed class NeverPredicate : ValuePredicate
{
    public override bool Matches(BsonValue? value, MatchDetails? details) => false;
}
