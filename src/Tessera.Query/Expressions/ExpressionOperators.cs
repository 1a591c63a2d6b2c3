using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>The table of aggregation expression operators: name → how to build it from its arguments.</summary>
internal static class ExpressionOperators
{
    internal sealed record Definition(Func<BsonValue, Expression> Create);

    private static readonly Dictionary<string, Definition> Table = Build();

    public static bool TryGet(string name, out Definition definition) => Table.TryGetValue(name, out definition!);

    private static Dictionary<string, Definition> Build()
    {
        var table = new Dictionary<string, Definition>(StringComparer.Ordinal);
        ComparisonOperators.Register(table);
        LogicalOperators.Register(table);
        ArithmeticOperators.Register(table);
        StringOperators.Register(table);
        ArrayOperators.Register(table);
        VariableOperators.Register(table);
        GroupLikeOperators.Register(table);
        ObjectOperators.Register(table);
        return table;
    }

    /// <summary>An eager operator taking between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    internal static void Add(Dictionary<string, Definition> table, string name, int min, int max, Func<string, IReadOnlyList<BsonValue?>, BsonValue?> apply) =>
        table[name] = new Definition(argument =>
        {
            var arguments = ExpressionParser.ParseArguments(argument);
            CheckArity(name, arguments.Count, min, max);
            return new OperatorExpression(name, arguments, apply);
        });

    internal static void AddLazy(Dictionary<string, Definition> table, string name, int min, int max, Func<EvaluationContext, IReadOnlyList<Expression>, BsonValue?> apply) =>
        table[name] = new Definition(argument =>
        {
            var arguments = ExpressionParser.ParseArguments(argument);
            CheckArity(name, arguments.Count, min, max);
            return new LazyOperatorExpression(arguments, apply);
        });

    private static void CheckArity(string name, int count, int min, int max)
    {
        if (count >= min && count <= max)
        {
            return;
        }

        if (min == max)
        {
            throw new QueryException(16020, $"Expression {name} takes exactly {min} arguments. {count} were passed in.");
        }

        // mongod's ExpressionRangedArity uses its own code.
        throw new QueryException(28667, max == int.MaxValue
            ? $"Expression {name} takes at least {min} arguments, but {count} were passed in."
            : $"Expression {name} takes at least {min} arguments, and at most {max}, but {count} were passed in.");
    }
}
