namespace Tessera.Query.Filters;

/// <summary>
/// What a successful match learned about the document: the array position that satisfied the filter,
/// which the positional operator <c>$</c> of projections and updates refers to.
/// </summary>
public sealed class MatchDetails
{
    /// <summary>The index in the first array of the matched path; the last matching predicate sets it, as in mongod.</summary>
    public int? ArrayIndex { get; internal set; }

    /// <summary>Variables that $expr may read as $$name (an aggregation's let).</summary>
    public IReadOnlyDictionary<string, MongoDB.Bson.BsonValue?>? Variables { get; init; }

    /// <summary>What a negated or position-less branch passes on: the variables, but no array position to record.</summary>
    internal MatchDetails? WithoutPosition() => Variables is null ? null : new MatchDetails { Variables = Variables };
}
