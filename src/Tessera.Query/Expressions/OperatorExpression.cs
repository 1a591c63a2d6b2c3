using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>An operator over evaluated arguments ({$add: ["$a", 1]}).</summary>
internal sealed class OperatorExpression(string name, IReadOnlyList<Expression> arguments, Func<string, IReadOnlyList<BsonValue?>, BsonValue?> apply) : Expression
{
    public override BsonValue? Evaluate(EvaluationContext context)
    {
        var values = new BsonValue?[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i].Evaluate(context);
        }

        return apply(name, values);
    }
}

/// <summary>An operator that decides itself which arguments to evaluate ($cond, $ifNull, $and, $or…).</summary>
internal sealed class LazyOperatorExpression(IReadOnlyList<Expression> arguments, Func<EvaluationContext, IReadOnlyList<Expression>, BsonValue?> apply) : Expression
{
    public override BsonValue? Evaluate(EvaluationContext context) => apply(context, arguments);
}
