using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>
/// A parsed aggregation expression. Evaluation returns null for "missing" (a field path that reaches
/// nothing), which differs from BSON null: $project omits a missing field but keeps a null one.
/// </summary>
public abstract class Expression
{
    public abstract BsonValue? Evaluate(EvaluationContext context);
}
