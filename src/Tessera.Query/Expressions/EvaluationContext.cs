using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>The document an expression reads ($$ROOT and $$CURRENT) and the variables in scope ($$name).</summary>
public sealed class EvaluationContext
{
    private readonly Dictionary<string, BsonValue?> _variables;

    public EvaluationContext(BsonDocument root)
        : this(root, new Dictionary<string, BsonValue?>(StringComparer.Ordinal))
    {
    }

    /// <summary>A context with user variables already bound ($lookup's let, $$name in $expr).</summary>
    public EvaluationContext(BsonDocument root, IReadOnlyDictionary<string, BsonValue?>? variables)
        : this(root, variables is null ? new Dictionary<string, BsonValue?>(StringComparer.Ordinal) : new Dictionary<string, BsonValue?>(variables, StringComparer.Ordinal))
    {
    }

    private EvaluationContext(BsonDocument root, Dictionary<string, BsonValue?> variables)
    {
        Root = root;
        _variables = variables;
    }

    public BsonDocument Root { get; }

    /// <summary>A context that also binds <paramref name="name"/> (for $let, $map, $filter).</summary>
    public EvaluationContext With(string name, BsonValue? value)
    {
        var variables = new Dictionary<string, BsonValue?>(_variables, StringComparer.Ordinal) { [name] = value };
        return new EvaluationContext(Root, variables);
    }

    public bool TryGetVariable(string name, out BsonValue? value)
    {
        switch (name)
        {
            case "ROOT":
            case "CURRENT":
                value = Root;
                return true;
            case "REMOVE":
                value = null;
                return true;
            default:
                return _variables.TryGetValue(name, out value);
        }
    }
}
