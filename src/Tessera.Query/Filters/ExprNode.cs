using MongoDB.Bson;
using Tessera.Query.Expressions;

namespace Tessera.Query.Filters;

/// <summary>$expr: an aggregation expression evaluated against the document, true when it is truthy.</summary>
internal sealed class ExprNode(Expression expression) : MatchNode
{
    public override bool Matches(BsonDocument document, MatchDetails? details) =>
        ExpressionValues.IsTruthy(expression.Evaluate(new EvaluationContext(document, details?.Variables)));
}
