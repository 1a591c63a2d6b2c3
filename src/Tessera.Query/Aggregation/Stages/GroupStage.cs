using MongoDB.Bson;
using Tessera.Query.Aggregation.Accumulators;
using Tessera.Query.Comparison;
using Tessera.Query.Expressions;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>
/// $group: documents with equal _id values (by MongoDB's comparison, so 1 and 1.0 are one group) are
/// folded by the accumulators. Groups come out in the order they were first seen.
/// </summary>
internal sealed class GroupStage(Expression id, IReadOnlyList<(string Field, Func<Accumulator> Create, Expression Argument)> accumulators) : PipelineStage
{
    public static GroupStage Parse(BsonValue specification)
    {
        if (specification is not BsonDocument fields)
        {
            throw new QueryException(15947, "a group's fields must be specified in an object");
        }

        Expression? id = null;
        var accumulators = new List<(string, Func<Accumulator>, Expression)>();
        foreach (var field in fields)
        {
            if (field.Name == "_id")
            {
                id = field.Value is BsonDocument idDocument && !(idDocument.ElementCount > 0 && idDocument.GetElement(0).Name.StartsWith('$'))
                    ? ExpressionParser.ParseDocument(idDocument)
                    : ExpressionParser.Parse(field.Value);
                continue;
            }

            if (field.Name.Contains('.', StringComparison.Ordinal))
            {
                throw new QueryException(40235, $"The field name '{field.Name}' cannot contain '.'");
            }

            if (field.Name.StartsWith('$'))
            {
                throw new QueryException(40236, $"The field name '{field.Name}' cannot be an operator name");
            }

            if (field.Value is not BsonDocument accumulator)
            {
                throw new QueryException(40234, $"The field '{field.Name}' must be an accumulator object");
            }

            if (accumulator.ElementCount != 1)
            {
                throw new QueryException(40238, $"The field '{field.Name}' must specify one accumulator");
            }

            var operation = accumulator.GetElement(0);
            if (!AccumulatorFactory.TryGet(operation.Name, out var create))
            {
                throw new QueryException(15952, $"unknown group operator '{operation.Name}'");
            }

            if (operation.Name == "$count" && operation.Value is not BsonDocument { ElementCount: 0 })
            {
                throw new QueryException(ErrorCodes.TypeMismatch, "$count takes no arguments, i.e. $count:{}");
            }

            if (operation.Value is BsonArray && operation.Name is not ("$sum" or "$avg" or "$min" or "$max"))
            {
                throw new QueryException(40237, $"The {operation.Name} accumulator is a unary operator");
            }

            accumulators.Add((field.Name, create, ExpressionParser.Parse(operation.Value)));
        }

        return new GroupStage(id ?? throw new QueryException(15955, "a group specification must include an _id"), accumulators);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        var groups = new Dictionary<BsonValue, Accumulator[]>(BsonValueComparer.Instance);
        var order = new List<BsonValue>();
        foreach (var document in input)
        {
            var evaluation = new EvaluationContext(document, context.Variables);
            var key = id.Evaluate(evaluation) ?? BsonNull.Value;
            if (!groups.TryGetValue(key, out var state))
            {
                state = accumulators.Select(a => a.Create()).ToArray();
                groups.Add(key, state);
                order.Add(key);
            }

            for (var i = 0; i < accumulators.Count; i++)
            {
                state[i].Add(accumulators[i].Argument.Evaluate(evaluation));
            }
        }

        foreach (var key in order)
        {
            var output = new BsonDocument("_id", key);
            var state = groups[key];
            for (var i = 0; i < accumulators.Count; i++)
            {
                output[accumulators[i].Field] = state[i].Result();
            }

            yield return output;
        }
    }
}
