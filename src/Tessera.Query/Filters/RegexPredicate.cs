using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>
/// $regex and /re/ values: matches strings and symbols the expression finds, and regular expression
/// values identical to it (same pattern and options), as mongod does.
/// </summary>
internal sealed class RegexPredicate : ValuePredicate
{
    private readonly Regex _regex;

    public RegexPredicate(BsonRegularExpression expression)
    {
        Expression = expression;
        _regex = RegexTranslator.Compile(expression.Pattern, expression.Options);
    }

    public BsonRegularExpression Expression { get; }

    public override bool Matches(BsonValue? value, MatchDetails? details) => value switch
    {
        BsonString text => _regex.IsMatch(text.Value),
        BsonSymbol symbol => _regex.IsMatch(symbol.Name),
        BsonRegularExpression regex => regex.Pattern == Expression.Pattern && regex.Options == Expression.Options,
        _ => false,
    };
}
