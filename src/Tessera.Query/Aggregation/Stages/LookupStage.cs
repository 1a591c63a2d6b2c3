using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>
/// $lookup: each document gets, in "as", the documents of "from" that match it.
/// With localField/foreignField the match is equality with query semantics (a local array matches any of
/// its elements, a missing local value matches null or missing, a foreign array matches by element).
/// With pipeline (and let, whose variables the pipeline reads as $$name) the foreign documents, first
/// narrowed by localField/foreignField when both forms are given, as mongod 5.0+ allows, go through it.
/// </summary>
internal sealed class LookupStage(
    string from,
    string? localField,
    string? foreignField,
    string asField,
    IReadOnlyList<(string Name, Expression Value)> let,
    Pipeline? pipeline) : PipelineStage
{
    public static LookupStage Parse(BsonValue specification)
    {
        if (specification is not BsonDocument options)
        {
            throw new QueryException(ErrorCodes.FailedToParse, $"the $lookup specification must be an Object, but found {BsonTypeAliases.NameOf(specification.BsonType)}");
        }

        // mongod asks for "from" (or a pipeline) before it looks at anything else in the specification.
        if (!options.Contains("from") && !options.Contains("pipeline"))
        {
            throw new QueryException(ErrorCodes.FailedToParse, "must specify 'pipeline' when 'from' is empty");
        }

        string? from = null, local = null, foreign = null, asField = null;
        var let = new List<(string, Expression)>();
        Pipeline? pipeline = null;
        foreach (var option in options)
        {
            if (option.Name is not ("from" or "localField" or "foreignField" or "as" or "let" or "pipeline"))
            {
                throw new QueryException(40415, $"BSON field '$lookup.{option.Name}' is an unknown field.");
            }

            switch (option.Name)
            {
                case "let":
                    if (option.Value is not BsonDocument variables)
                    {
                        throw new QueryException(ErrorCodes.FailedToParse, $"$lookup argument 'let: {MongoText.Format(option.Value)}' must be an object, is type {BsonTypeAliases.NameOf(option.Value.BsonType)}");
                    }

                    foreach (var variable in variables)
                    {
                        CheckVariableName(variable.Name);
                        let.Add((variable.Name, ExpressionParser.Parse(variable.Value)));
                    }

                    continue;
                case "pipeline":
                    if (option.Value is not BsonArray stages)
                    {
                        throw new QueryException(ErrorCodes.FailedToParse, $"$lookup argument 'pipeline: {MongoText.Format(option.Value)}' must be an array, is type {BsonTypeAliases.NameOf(option.Value.BsonType)}");
                    }

                    pipeline = Pipeline.Parse(stages);
                    continue;
            }

            var text = option.Value as BsonString
                ?? throw new QueryException(ErrorCodes.FailedToParse, $"$lookup argument '{option.Name}: {MongoText.Format(option.Value)}' must be a string, is type {BsonTypeAliases.NameOf(option.Value.BsonType)}");
            switch (option.Name)
            {
                case "from":
                    from = text.Value;
                    break;
                case "localField":
                    local = text.Value;
                    break;
                case "foreignField":
                    foreign = text.Value;
                    break;
                default:
                    asField = text.Value;
                    break;
            }
        }

        if (asField is null)
        {
            throw new QueryException(ErrorCodes.FailedToParse, "must specify 'as' field for a $lookup");
        }

        if (from is null)
        {
            throw new QueryException(ErrorCodes.FailedToParse, "must specify 'from' field for a $lookup");
        }

        if ((local is null) != (foreign is null) || (local is null && pipeline is null))
        {
            throw new QueryException(ErrorCodes.FailedToParse, "$lookup requires either 'pipeline' or both 'localField' and 'foreignField' to be specified");
        }

        if (pipeline is null && let.Count > 0)
        {
            throw new QueryException(ErrorCodes.FailedToParse, "$lookup with a 'let' argument must also specify 'pipeline'");
        }

        return new LookupStage(from, local, foreign, asField, let, pipeline);
    }

    /// <summary>mongod's user variable names: a lowercase letter or non-ASCII first, then letters, digits and _.</summary>
    private static void CheckVariableName(string name)
    {
        if (name.Length == 0)
        {
            throw new QueryException(16866, "empty variable names are not allowed");
        }

        if (!(char.IsAsciiLetterLower(name[0]) || name[0] > 127))
        {
            throw new QueryException(16867, $"'{name}' starts with an invalid character for a user variable name");
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c > 127))
            {
                throw new QueryException(16868, $"'{name}' contains an invalid character for a variable name: '{c}'");
            }
        }
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        List<BsonDocument>? foreignDocuments = null;
        foreach (var document in input)
        {
            foreignDocuments ??= context.Collection(from).ToList();
            IEnumerable<BsonDocument> joined = foreignDocuments;
            if (localField is not null)
            {
                var filter = EqualityFilter(document);
                joined = joined.Where(filter.Matches);
            }

            if (pipeline is not null)
            {
                var evaluation = new EvaluationContext(document, context.Variables);
                var bound = new Dictionary<string, BsonValue?>(StringComparer.Ordinal);
                foreach (var (name, value) in let)
                {
                    // A missing value is bound as missing, so $$name is missing too.
                    bound[name] = value.Evaluate(evaluation);
                }

                joined = pipeline.RunIn(joined, context.With(bound));
            }

            var copy = document.DeepClone().AsBsonDocument;
            DocumentPaths.Set(copy, asField.Split('.'), new BsonArray(joined.Select(d => d.DeepClone())));
            yield return copy;
        }
    }

    private Filter EqualityFilter(BsonDocument document)
    {
        var local = FieldPathExpression.Navigate(document, localField!.Split('.'), 0) ?? BsonNull.Value;
        var condition = local is BsonArray values ? new BsonDocument("$in", values) : new BsonDocument("$eq", local);
        return Filter.Parse(new BsonDocument(foreignField!, condition));
    }
}
