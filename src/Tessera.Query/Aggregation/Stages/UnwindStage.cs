using MongoDB.Bson;

namespace Tessera.Query.Aggregation.Stages;

/// <summary>
/// $unwind: one document per array element. Null, missing and empty arrays yield nothing unless
/// preserveNullAndEmptyArrays (then the document passes, an empty array's field removed); a non-array
/// value passes as if a one-element array.
/// </summary>
internal sealed class UnwindStage(string[] path, string? indexField, bool preserveNullAndEmpty) : PipelineStage
{
    public static UnwindStage Parse(BsonValue specification)
    {
        string? path = null;
        string? indexField = null;
        var preserve = false;
        switch (specification)
        {
            case BsonString text:
                path = text.Value;
                break;
            case BsonDocument options:
                foreach (var option in options)
                {
                    switch (option.Name)
                    {
                        case "path":
                            path = option.Value is BsonString p ? p.Value : throw new QueryException(28808, $"expected a string as the path for $unwind stage, got {Filters.BsonTypeAliases.NameOf(option.Value.BsonType)}");
                            break;
                        case "includeArrayIndex":
                            if (option.Value is not BsonString { Value.Length: > 0 } index)
                            {
                                throw new QueryException(28810, "expected a non-empty string for the includeArrayIndex option to $unwind stage");
                            }

                            if (index.Value.StartsWith('$'))
                            {
                                throw new QueryException(28822, $"includeArrayIndex option to $unwind stage should not be prefixed with a '$': {index.Value}");
                            }

                            indexField = index.Value;
                            break;
                        case "preserveNullAndEmptyArrays":
                            preserve = option.Value is BsonBoolean b ? b.Value : throw new QueryException(28809, "expected a boolean for the preserveNullAndEmptyArrays option to $unwind stage");
                            break;
                        default:
                            throw new QueryException(28811, $"unrecognized option to $unwind stage: {option.Name}");
                    }
                }

                if (path is null)
                {
                    throw new QueryException(28812, "No path specified to $unwind stage");
                }

                break;
            default:
                throw new QueryException(15981, $"expected either a string or an object as specification for $unwind stage, got {Filters.BsonTypeAliases.NameOf(specification.BsonType)}");
        }

        if (path.Length == 0)
        {
            throw new QueryException(40352, "FieldPath cannot be constructed with empty string");
        }

        if (!path.StartsWith('$'))
        {
            throw new QueryException(28818, $"path option to $unwind stage should be prefixed with a '$': {path}");
        }

        return new UnwindStage(path[1..].Split('.'), indexField, preserve);
    }

    public override IEnumerable<BsonDocument> Run(IEnumerable<BsonDocument> input, PipelineContext context)
    {
        foreach (var document in input)
        {
            var value = DocumentPaths.Get(document, path);
            if (value is BsonArray array && array.Count > 0)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var copy = document.DeepClone().AsBsonDocument;
                    DocumentPaths.Set(copy, path, array[i]);
                    if (indexField is not null)
                    {
                        DocumentPaths.Set(copy, indexField.Split('.'), new BsonInt64(i));
                    }

                    yield return copy;
                }

                continue;
            }

            var isNothing = value is null || value.IsBsonNull || value is BsonArray;
            if (isNothing && !preserveNullAndEmpty)
            {
                continue;
            }

            var passed = document.DeepClone().AsBsonDocument;
            if (value is BsonArray)
            {
                DocumentPaths.Remove(passed, path);
            }

            if (indexField is not null)
            {
                DocumentPaths.Set(passed, indexField.Split('.'), BsonNull.Value);
            }

            yield return passed;
        }
    }
}
