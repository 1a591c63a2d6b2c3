using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>
/// $lookup {from, localField, foreignField, as}: each document gets, in "as", the documents of "from" whose
/// foreignField equals the localField value, with query semantics (a local array matches any of its
/// elements, a missing local value matches null or missing, a foreign array matches by element).
/// </summary>
internal sealed class LookupStage(string from, string localField, string foreignField, string asField) : PipelineStage
{
    public static LookupStage Parse(BsonValue specification)
    {
        if (specification is not BsonDocument options)
        {
            throw new QueryException(ErrorCodes.FailedToParse, $"the $lookup specification must be an Object, but found {BsonTypeAliases.NameOf(specification.BsonType)}");
        }

        string? from = null, local = null, foreign = null, asField = null;
        foreach (var option in options)
        {
            if (option.Name is "pipeline" or "let")
            {
                throw new QueryException(ErrorCodes.FailedToParse, $"$lookup with '{option.Name}' is not supported by Tessera yet; use localField and foreignField");
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
                case "as":
                    asField = text.Value;
                    break;
                default:
                    throw new QueryException(ErrorCodes.FailedToParse, $"unknown argument to $lookup: {option.Name}");
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

        if (local is null || foreign is null)
        {
            throw new QueryException(ErrorCodes.FailedToParse, "$lookup requires either 'pipeline' or both 'localField' and 'foreignField' to be specified");
        }

        return new LookupStage(from, local, foreign, asField);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        List<BsonDocument>? foreignDocuments = null;
        var localPath = localField.Split('.');
        foreach (var document in input)
        {
            foreignDocuments ??= context.Collection(from).ToList();
            var local = FieldPathExpression.Navigate(document, localPath, 0) ?? BsonNull.Value;
            var condition = local is BsonArray values
                ? new BsonDocument("$in", values)
                : new BsonDocument("$eq", local);
            var filter = Filter.Parse(new BsonDocument(foreignField, condition));
            var copy = document.DeepClone().AsBsonDocument;
            DocumentPaths.Set(copy, asField.Split('.'), new BsonArray(foreignDocuments.Where(filter.Matches)));
            yield return copy;
        }
    }
}
