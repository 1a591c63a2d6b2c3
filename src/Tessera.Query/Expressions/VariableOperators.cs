using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>$let, $map, $filter and $reduce: operators that bind variables ($$this, $$value, named ones).</summary>
internal static class VariableOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        table["$let"] = new ExpressionOperators.Definition(ParseLet);
        table["$map"] = new ExpressionOperators.Definition(ParseMap);
        table["$filter"] = new ExpressionOperators.Definition(ParseFilter);
        table["$reduce"] = new ExpressionOperators.Definition(ParseReduce);
    }

    /// <summary>The named arguments of an operator, refusing unknown ones and requiring some.</summary>
    private static Dictionary<string, BsonValue> Arguments(string name, BsonValue argument, string[] allowed, string[] required, int typeCode)
    {
        if (argument is not BsonDocument document)
        {
            throw new QueryException(typeCode, $"{name} only supports an object as its argument");
        }

        var arguments = new Dictionary<string, BsonValue>(StringComparer.Ordinal);
        foreach (var element in document)
        {
            if (!allowed.Contains(element.Name))
            {
                throw new QueryException(typeCode, $"Unrecognized parameter to {name}: {element.Name}");
            }

            arguments[element.Name] = element.Value;
        }

        foreach (var field in required)
        {
            if (!arguments.ContainsKey(field))
            {
                throw new QueryException(typeCode, $"Missing '{field}' parameter to {name}");
            }
        }

        return arguments;
    }

    private static string VariableName(BsonValue? value, string fallback) => value switch
    {
        null => fallback,
        BsonString name when name.Value.Length > 0 && !name.Value.StartsWith('$') => name.Value,
        _ => throw new QueryException(ErrorCodes.FailedToParse, $"invalid variable name: {value}"),
    };

    private static Expression ParseLet(BsonValue argument)
    {
        var arguments = Arguments("$let", argument, ["vars", "in"], ["vars", "in"], 16874);
        if (arguments["vars"] is not BsonDocument vars)
        {
            throw new QueryException(16876, "invalid parameter: expected an object (vars)");
        }

        var bindings = vars.Select(v => (Name: VariableName(new BsonString(v.Name), v.Name), Value: ExpressionParser.Parse(v.Value))).ToList();
        var body = ExpressionParser.Parse(arguments["in"]);
        return new LazyOperatorExpression([], (context, _) =>
        {
            var scope = context;
            foreach (var (name, value) in bindings)
            {
                // All vars are evaluated in the outer scope, as in mongod.
                scope = scope.With(name, value.Evaluate(context));
            }

            return body.Evaluate(scope);
        });
    }

    private static Expression ParseMap(BsonValue argument)
    {
        var arguments = Arguments("$map", argument, ["input", "as", "in"], ["input", "in"], 16879);
        var input = ExpressionParser.Parse(arguments["input"]);
        var name = VariableName(arguments.GetValueOrDefault("as"), "this");
        var body = ExpressionParser.Parse(arguments["in"]);
        return new LazyOperatorExpression([], (context, _) =>
        {
            var value = input.Evaluate(context);
            if (ExpressionValues.IsNullish(value))
            {
                return BsonNull.Value;
            }

            if (value is not BsonArray array)
            {
                throw new QueryException(16883, $"input to $map must be an array not {TypeNames.Of(value)}");
            }

            return new BsonArray(array.Select(item => body.Evaluate(context.With(name, item)) ?? BsonNull.Value));
        });
    }

    private static Expression ParseFilter(BsonValue argument)
    {
        var arguments = Arguments("$filter", argument, ["input", "as", "cond", "limit"], ["input", "cond"], 28647);
        var input = ExpressionParser.Parse(arguments["input"]);
        var name = VariableName(arguments.GetValueOrDefault("as"), "this");
        var condition = ExpressionParser.Parse(arguments["cond"]);
        var limit = arguments.TryGetValue("limit", out var limitValue) ? ExpressionParser.Parse(limitValue) : null;
        return new LazyOperatorExpression([], (context, _) =>
        {
            var value = input.Evaluate(context);
            if (ExpressionValues.IsNullish(value))
            {
                return BsonNull.Value;
            }

            if (value is not BsonArray array)
            {
                throw new QueryException(28651, $"input to $filter must be an array not {TypeNames.Of(value)}");
            }

            var maximum = long.MaxValue;
            if (limit?.Evaluate(context) is { } limitResult && !ExpressionValues.IsNullish(limitResult))
            {
                if (!Numbers.IsNumber(limitResult) || !Numbers.TryTruncateToLong(limitResult, out maximum) || maximum < 1 || maximum != Numbers.ToDouble(limitResult))
                {
                    throw new QueryException(327391, $"$filter: limit must be greater than 0: {MongoText.Format(limitResult)}");
                }
            }

            var result = new BsonArray();
            foreach (var item in array)
            {
                if (result.Count >= maximum)
                {
                    break;
                }

                if (ExpressionValues.IsTruthy(condition.Evaluate(context.With(name, item))))
                {
                    result.Add(item);
                }
            }

            return result;
        });
    }

    private static Expression ParseReduce(BsonValue argument)
    {
        var arguments = Arguments("$reduce", argument, ["input", "initialValue", "in"], ["input", "initialValue", "in"], 40076);
        var input = ExpressionParser.Parse(arguments["input"]);
        var initial = ExpressionParser.Parse(arguments["initialValue"]);
        var body = ExpressionParser.Parse(arguments["in"]);
        return new LazyOperatorExpression([], (context, _) =>
        {
            var value = input.Evaluate(context);
            if (ExpressionValues.IsNullish(value))
            {
                return BsonNull.Value;
            }

            if (value is not BsonArray array)
            {
                throw new QueryException(40080, $"$reduce requires that 'input' be an array, found: {MongoText.Format(value!)}");
            }

            var accumulated = initial.Evaluate(context);
            foreach (var item in array)
            {
                accumulated = body.Evaluate(context.With("value", accumulated).With("this", item));
            }

            return accumulated;
        });
    }
}
