using MongoDB.Bson;
using Tessera.Query.Expressions;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>$replaceRoot {newRoot: expr} and $replaceWith expr: the document becomes the expression's value.</summary>
internal sealed class ReplaceRootStage(Expression newRoot) : PipelineStage
{
    public static ReplaceRootStage ParseReplaceRoot(BsonValue specification)
    {
        if (specification is not BsonDocument options)
        {
            throw new QueryException(40229, $"expected an object as specification for $replaceRoot stage, got {Filters.BsonTypeAliases.NameOf(specification.BsonType)}");
        }

        Expression? root = null;
        foreach (var option in options)
        {
            root = option.Name == "newRoot"
                ? ExpressionParser.Parse(option.Value)
                : throw new QueryException(40415, $"BSON field '$replaceRoot.{option.Name}' is an unknown field.");
        }

        return new ReplaceRootStage(root ?? throw new QueryException(40414, "BSON field '$replaceRoot.newRoot' is missing but a required field"));
    }

    public static ReplaceRootStage ParseReplaceWith(BsonValue specification) => new(ExpressionParser.Parse(specification));

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        foreach (var document in input)
        {
            var value = newRoot.Evaluate(new EvaluationContext(document, context.Variables));
            if (value is not BsonDocument replacement)
            {
                throw new QueryException(40228,
                    $"'replacement document' must evaluate to an object, but resulting value was: {(value is null ? "MISSING" : MongoText.Format(value))}. Type of resulting value: '{TypeNames.Of(value)}'. Input document: {MongoText.Format(document)}");
            }

            yield return replacement;
        }
    }
}
