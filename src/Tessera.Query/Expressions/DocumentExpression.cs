using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>{a: expr, b: expr}: a new document; a field whose expression is missing is left out.</summary>
internal sealed class DocumentExpression(IReadOnlyList<KeyValuePair<string, Expression>> fields) : Expression
{
    public override BsonValue? Evaluate(EvaluationContext context)
    {
        var result = new BsonDocument();
        foreach (var (name, expression) in fields)
        {
            if (expression.Evaluate(context) is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}

/// <summary>[expr, expr]: a new array; a missing element becomes null, as in mongod.</summary>
internal sealed class ArrayExpression(IReadOnlyList<Expression> items) : Expression
{
    public override BsonValue? Evaluate(EvaluationContext context) =>
        new BsonArray(items.Select(item => item.Evaluate(context) ?? BsonNull.Value));
}
