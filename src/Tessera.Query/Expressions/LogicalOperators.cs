using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>$and $or $not $cond $ifNull: boolean logic and conditionals, evaluating only what they need.</summary>
internal static class LogicalOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        ExpressionOperators.AddLazy(table, "$and", 0, int.MaxValue, (context, arguments) =>
            arguments.All(argument => ExpressionValues.IsTruthy(argument.Evaluate(context))));
        ExpressionOperators.AddLazy(table, "$or", 0, int.MaxValue, (context, arguments) =>
            arguments.Any(argument => ExpressionValues.IsTruthy(argument.Evaluate(context))));
        ExpressionOperators.Add(table, "$not", 1, 1, (_, a) => !ExpressionValues.IsTruthy(a[0]));
        ExpressionOperators.AddLazy(table, "$ifNull", 2, int.MaxValue, (context, arguments) =>
        {
            for (var i = 0; i < arguments.Count - 1; i++)
            {
                var value = arguments[i].Evaluate(context);
                if (!ExpressionValues.IsNullish(value))
                {
                    return value;
                }
            }

            return arguments[^1].Evaluate(context);
        });
        table["$cond"] = new ExpressionOperators.Definition(ParseCond);
    }

    private static Expression ParseCond(BsonValue argument)
    {
        Expression condition, then, otherwise;
        if (argument is BsonDocument named)
        {
            Expression? ifPart = null, thenPart = null, elsePart = null;
            foreach (var element in named)
            {
                switch (element.Name)
                {
                    case "if":
                        ifPart = ExpressionParser.Parse(element.Value);
                        break;
                    case "then":
                        thenPart = ExpressionParser.Parse(element.Value);
                        break;
                    case "else":
                        elsePart = ExpressionParser.Parse(element.Value);
                        break;
                    default:
                        throw new QueryException(17083, $"Unrecognized parameter to $cond: {element.Name}");
                }
            }

            condition = ifPart ?? throw new QueryException(17080, "Missing 'if' parameter to $cond");
            then = thenPart ?? throw new QueryException(17081, "Missing 'then' parameter to $cond");
            otherwise = elsePart ?? throw new QueryException(17082, "Missing 'else' parameter to $cond");
        }
        else
        {
            var arguments = ExpressionParser.ParseArguments(argument);
            if (arguments.Count != 3)
            {
                throw new QueryException(16020, $"Expression $cond takes exactly 3 arguments. {arguments.Count} were passed in.");
            }

            (condition, then, otherwise) = (arguments[0], arguments[1], arguments[2]);
        }

        return new LazyOperatorExpression([condition, then, otherwise], (context, parts) =>
            ExpressionValues.IsTruthy(parts[0].Evaluate(context)) ? parts[1].Evaluate(context) : parts[2].Evaluate(context));
    }
}
