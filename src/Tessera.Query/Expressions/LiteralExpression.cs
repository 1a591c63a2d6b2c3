using MongoDB.Bson;

namespace Tessera.Query.Expressions;

internal sealed class LiteralExpression(BsonValue? value) : Expression
{
    public BsonValue? Value { get; } = value;

    public override BsonValue? Evaluate(EvaluationContext context) => Value;
}
