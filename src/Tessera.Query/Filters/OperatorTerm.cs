using Tessera.Query.Paths;

namespace Tessera.Query.Filters;

/// <summary>
/// A parsed field operator before it is bound to a path or to a single value. Negations ($ne, $nin,
/// $exists: false, $not) must stay terms of their own: at path level "not (any value matches)" differs
/// from "some value does not match".
/// </summary>
internal abstract class OperatorTerm
{
    public abstract MatchNode OnPath(FieldPath path);

    public abstract ValuePredicate OnValue();

    public static MatchNode AllOnPath(FieldPath path, IReadOnlyList<OperatorTerm> terms) =>
        terms.Count == 1 ? terms[0].OnPath(path) : new AndNode(terms.Select(t => t.OnPath(path)).ToList());

    public static ValuePredicate AllOnValue(IReadOnlyList<OperatorTerm> terms) =>
        terms.Count == 1 ? terms[0].OnValue() : new AllOfPredicate(terms.Select(t => t.OnValue()).ToList());
}

internal sealed class LeafTerm(ValuePredicate predicate) : OperatorTerm
{
    public override MatchNode OnPath(FieldPath path) => new PathNode(path, predicate);

    public override ValuePredicate OnValue() => predicate;
}

/// <summary>The negation of all the terms together.</summary>
internal sealed class NotTerm(IReadOnlyList<OperatorTerm> terms) : OperatorTerm
{
    public override MatchNode OnPath(FieldPath path) => new NotNode(AllOnPath(path, terms));

    public override ValuePredicate OnValue() => new NotPredicate(AllOnValue(terms));
}
