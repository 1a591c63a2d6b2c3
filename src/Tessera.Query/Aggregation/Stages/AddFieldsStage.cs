using MongoDB.Bson;
using Tessera.Query.Expressions;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>
/// $addFields (alias $set): computes fields into the document. An existing field keeps its place and gets
/// the new value; a new one is appended; "a.b" and {a: {b: …}} add into the embedded document (into each
/// document of an array), and a missing result removes nothing and adds nothing.
/// </summary>
internal sealed class AddFieldsStage(AddFieldsStage.Level root) : PipelineStage
{
    internal sealed class Level
    {
        public List<(string Name, Expression? Value, Level? Nested)> Fields { get; } = [];
    }

    public static AddFieldsStage Parse(string stageName, BsonValue specification)
    {
        if (specification is not BsonDocument fields)
        {
            throw new QueryException(40272, $"{stageName} specification stage must be an object, got {Filters.BsonTypeAliases.NameOf(specification.BsonType)}");
        }

        var root = new Level();
        foreach (var field in fields)
        {
            Add(root, field.Name, field.Value);
        }

        return new AddFieldsStage(root);
    }

    private static void Add(Level level, string dotted, BsonValue value)
    {
        var parts = dotted.Split('.');
        if (parts.Any(part => part.Length == 0))
        {
            throw new QueryException(40352, "FieldPath cannot be constructed with empty string");
        }

        if (parts[0].StartsWith('$'))
        {
            throw new QueryException(16410, "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
        }

        for (var i = 0; i < parts.Length - 1; i++)
        {
            level = NestedLevel(level, parts[i]);
        }

        if (value is BsonDocument nested && !(nested.ElementCount > 0 && nested.GetElement(0).Name.StartsWith('$')) && nested.ElementCount > 0)
        {
            var sublevel = NestedLevel(level, parts[^1]);
            foreach (var element in nested)
            {
                Add(sublevel, element.Name, element.Value);
            }

            return;
        }

        level.Fields.Add((parts[^1], ExpressionParser.Parse(value), null));
    }

    private static Level NestedLevel(Level level, string name)
    {
        foreach (var field in level.Fields)
        {
            if (field.Name == name && field.Nested is not null)
            {
                return field.Nested;
            }
        }

        var created = new Level();
        level.Fields.Add((name, null, created));
        return created;
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        foreach (var document in input)
        {
            var evaluation = new EvaluationContext(document, context.Variables);
            yield return Apply(document.DeepClone().AsBsonDocument, root, evaluation);
        }
    }

    private static BsonDocument Apply(BsonDocument target, Level level, EvaluationContext evaluation)
    {
        foreach (var (name, value, nested) in level.Fields)
        {
            if (nested is not null)
            {
                target[name] = target.TryGetValue(name, out var existing) ? ApplyNested(existing, nested, evaluation) : Apply(new BsonDocument(), nested, evaluation);
            }
            else if (value!.Evaluate(evaluation) is { } result)
            {
                target[name] = result;
            }
            else
            {
                // $$REMOVE and missing values leave the field out.
                target.Remove(name);
            }
        }

        return target;
    }

    private static BsonValue ApplyNested(BsonValue existing, Level nested, EvaluationContext evaluation) => existing switch
    {
        BsonDocument document => Apply(document, nested, evaluation),
        BsonArray array => new BsonArray(array.Select(element => ApplyNested(element, nested, evaluation))),
        _ => Apply(new BsonDocument(), nested, evaluation),
    };
}
