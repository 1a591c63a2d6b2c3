using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>
/// "$a.b" or "$$var.a.b": the value at a path with aggregation's array rule, which differs from queries:
/// a path through an array gives the array of what each element gives (elements without the field drop
/// out, nested arrays give nested arrays).
/// </summary>
internal sealed class FieldPathExpression(string? variable, IReadOnlyList<string> parts) : Expression
{
    public string? Variable { get; } = variable;

    public IReadOnlyList<string> Parts { get; } = parts;

    public override BsonValue? Evaluate(EvaluationContext context)
    {
        BsonValue? start;
        if (Variable is null)
        {
            start = context.Root;
        }
        else if (!context.TryGetVariable(Variable, out start))
        {
            throw new QueryException(17276, $"Use of undefined variable: {Variable}");
        }

        return start is null ? null : Navigate(start, Parts, 0);
    }

    internal static BsonValue? Navigate(BsonValue value, IReadOnlyList<string> parts, int depth)
    {
        if (depth == parts.Count)
        {
            return value;
        }

        switch (value)
        {
            case BsonDocument document:
                return document.TryGetValue(parts[depth], out var child) ? Navigate(child, parts, depth + 1) : null;
            case BsonArray array:
                var results = new BsonArray();
                foreach (var element in array)
                {
                    if (element is BsonDocument or BsonArray && Navigate(element, parts, depth) is { } found)
                    {
                        results.Add(found);
                    }
                }

                return results;
            default:
                return null;
        }
    }
}
