using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;

namespace Tessera.Query.Projections;

/// <summary>
/// Applies a parsed projection as mongod 4.4+ does. Inclusion keeps the input's field order and appends
/// computed fields in projection order; through arrays it projects each document element, keeps nested
/// arrays and drops scalars. Exclusion copies everything but the excluded fields, scalars in arrays included.
/// </summary>
internal sealed class ProjectionExecutor(PathProjectionNode root, bool isInclusion)
{
    private sealed class State(BsonDocument document, MatchDetails? details)
    {
        public EvaluationContext Context { get; } = new(document, details?.Variables);

        public MatchDetails? Details { get; } = details;

        /// <summary>True until the positional projection has met its first array.</summary>
        public bool PositionalPending { get; set; } = true;
    }

    public BsonDocument Apply(BsonDocument document, MatchDetails? details)
    {
        var state = new State(document, details);
        return isInclusion ? Include(document, root, state) : Exclude(document, root);
    }

    private BsonDocument Include(BsonDocument input, PathProjectionNode level, State state)
    {
        var output = new BsonDocument();
        foreach (var element in input)
        {
            switch (level.Find(element.Name))
            {
                case BooleanProjectionNode { Included: true }:
                    output.Add(element.Name, element.Value);
                    break;
                case PathProjectionNode sublevel:
                    if (IncludeValue(element.Value, sublevel, state) is { } projected)
                    {
                        output.Add(element.Name, projected);
                    }

                    break;
                case SliceProjectionNode slice:
                    output.Add(element.Name, slice.Apply(element.Value));
                    break;
                case ElemMatchProjectionNode elemMatch:
                    if (elemMatch.Apply(element.Value) is { } matched)
                    {
                        output.Add(element.Name, matched);
                    }

                    break;
                case PositionalProjectionNode:
                    output.Add(element.Name, element.Value is BsonArray array && state.PositionalPending ? SelectMatched(array, state) : element.Value);
                    break;
            }
        }

        AddComputedFields(input, level, output, state);
        return output;
    }

    private void AddComputedFields(BsonDocument input, PathProjectionNode level, BsonDocument output, State state)
    {
        foreach (var (name, child) in level.Children)
        {
            switch (child)
            {
                case ExpressionProjectionNode computed:
                    if (computed.Expression.Evaluate(state.Context) is { } value)
                    {
                        output[name] = value;
                    }

                    break;
                case PathProjectionNode sublevel when !input.Contains(name) && sublevel.HasComputedFields():
                    output[name] = Include(new BsonDocument(), sublevel, state);
                    break;
            }
        }
    }

    private BsonValue? IncludeValue(BsonValue value, PathProjectionNode level, State state)
    {
        switch (value)
        {
            case BsonDocument document:
                return Include(document, level, state);
            case BsonArray array when level.LeadsToPositional && state.PositionalPending:
                var selected = SelectMatched(array, state);
                return new BsonArray(selected.Select(element => IncludeValue(element, level, state)).OfType<BsonValue>());
            case BsonArray array:
                var projected = new BsonArray();
                foreach (var element in array)
                {
                    if (element is BsonDocument or BsonArray)
                    {
                        projected.Add(IncludeValue(element, level, state)!);
                    }
                    else if (level.HasComputedFields())
                    {
                        projected.Add(Include(new BsonDocument(), level, state));
                    }
                }

                return projected;
            default:
                return level.HasComputedFields() ? Include(new BsonDocument(), level, state) : null;
        }
    }

    /// <summary>The positional projection's element, as a one-element array (mongod error 51246 without a match).</summary>
    private static BsonArray SelectMatched(BsonArray array, State state)
    {
        state.PositionalPending = false;
        if (state.Details?.ArrayIndex is not int index || index >= array.Count)
        {
            throw new QueryException(51246, "positional operator '.$' couldn't find a matching element in the array");
        }

        return [array[index]];
    }

    private static BsonDocument Exclude(BsonDocument input, PathProjectionNode level)
    {
        var output = new BsonDocument();
        foreach (var element in input)
        {
            switch (level.Find(element.Name))
            {
                case null:
                case BooleanProjectionNode { Included: true }:
                    output.Add(element.Name, element.Value);
                    break;
                case BooleanProjectionNode:
                    break;
                case PathProjectionNode sublevel:
                    output.Add(element.Name, ExcludeValue(element.Value, sublevel));
                    break;
                case SliceProjectionNode slice:
                    output.Add(element.Name, slice.Apply(element.Value));
                    break;
                case ElemMatchProjectionNode elemMatch:
                    if (elemMatch.Apply(element.Value) is { } matched)
                    {
                        output.Add(element.Name, matched);
                    }

                    break;
            }
        }

        return output;
    }

    private static BsonValue ExcludeValue(BsonValue value, PathProjectionNode level) => value switch
    {
        BsonDocument document => Exclude(document, level),
        BsonArray array => new BsonArray(array.Select(element => ExcludeValue(element, level))),
        _ => value,
    };
}
