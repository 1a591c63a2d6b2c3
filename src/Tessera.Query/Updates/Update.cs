using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates;

/// <summary>
/// A parsed update: a replacement document, or operators ($set, $inc, $push…) applied in mongod's order
/// (fields by name, numeric names by number). Parsing throws <see cref="QueryException"/> for what mongod
/// refuses before touching a document (unknown modifier, conflicting paths, bad arguments, array filters);
/// <see cref="Apply"/> throws for what only a document reveals (a non-numeric $inc target, a changed _id…).
/// </summary>
public sealed class Update
{
    private readonly BsonDocument? _replacement;
    private readonly Aggregation.Pipeline? _pipeline;
    private readonly IReadOnlyList<UpdateOperation> _operations;
    private readonly ArrayFilterSet _arrayFilters;

    private Update(BsonDocument? replacement, IReadOnlyList<UpdateOperation> operations, ArrayFilterSet arrayFilters, Aggregation.Pipeline? pipeline = null)
    {
        _replacement = replacement;
        _operations = operations;
        _arrayFilters = arrayFilters;
        _pipeline = pipeline;
    }

    /// <summary>The stages an update pipeline may use, as mongod allows them.</summary>
    private static readonly HashSet<string> UpdatePipelineStages = new(StringComparer.Ordinal)
    {
        "$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith",
    };

    /// <summary>A whole new document rather than operators (decided by the first field name, as mongod).</summary>
    public bool IsReplacement => _replacement is not null;

    /// <summary>Some path uses the positional "$": pass the filter's <see cref="MatchDetails"/> to <see cref="Apply"/>.</summary>
    public bool RequiresMatchDetails => _operations.Any(operation => operation.WrittenPaths.Any(path => path.Parts.Any(UpdatePath.IsPositional)));

    /// <param name="update">The "u" of an update statement: operators, or a replacement document.</param>
    /// <param name="arrayFilters">The statement's arrayFilters, for "$[identifier]".</param>
    /// <param name="clock">The time for $currentDate (UTC now when not given).</param>
    public static Update Parse(BsonDocument update, IEnumerable<BsonDocument>? arrayFilters = null, Func<DateTime>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        var filters = ArrayFilterSet.Parse(arrayFilters);
        if (update.ElementCount == 0 || !update.GetElement(0).Name.StartsWith('$'))
        {
            if (filters.Identifiers.Any())
            {
                var identifier = filters.Identifiers.First();
                throw new QueryException(ErrorCodes.FailedToParse, $"The array filter for identifier '{identifier}' was not used in the update {MongoText.Format(update)}");
            }

            return new Update(update, [], filters);
        }

        var operations = UpdateParser.Parse(update, filters, clock ?? (() => DateTime.UtcNow));
        return new Update(null, operations.OrderBy(operation => operation.Path.Parts, PathOrder.Instance).ToList(), filters);
    }

    /// <summary>
    /// A pipeline-style update (an array as "u"): $addFields/$set, $project, $unset, $replaceRoot and
    /// $replaceWith run on the document. Array filters are not allowed with it, as in mongod.
    /// </summary>
    public static Update ParsePipeline(BsonArray pipeline, IEnumerable<BsonDocument>? arrayFilters = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (arrayFilters?.Any() == true)
        {
            throw new QueryException(ErrorCodes.FailedToParse, "arrayFilters may not be specified for pipeline-style updates");
        }

        foreach (var stage in pipeline)
        {
            if (stage is BsonDocument { ElementCount: 1 } specification && !UpdatePipelineStages.Contains(specification.GetElement(0).Name))
            {
                var name = specification.GetElement(0).Name;
                var known = name is "$match" or "$group" or "$sort" or "$limit" or "$skip" or "$count" or "$unwind" or "$lookup";
                if (known)
                {
                    throw new QueryException(ErrorCodes.InvalidOptions, $"{name} is not allowed to be used within an update");
                }
            }
        }

        return new Update(null, [], ArrayFilterSet.Empty, Aggregation.Pipeline.Parse(pipeline));
    }

    /// <summary>Applies the update to a copy of <paramref name="document"/>.</summary>
    /// <param name="document">The stored document; it is not changed.</param>
    /// <param name="details">The filter's match details, needed by the positional "$".</param>
    public UpdateResult Apply(BsonDocument document, MatchDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var updated = _replacement is not null ? Replace(document)
            : _pipeline is not null ? RunPipeline(document)
            : ApplyOperations(document.DeepClone().AsBsonDocument, details, isInsert: false);
        CheckIdUnchanged(document, updated);
        return new UpdateResult(updated, !BinaryEquality.AreEqual(updated, document));
    }

    /// <summary>
    /// The document an upsert inserts when nothing matched: the filter's equality fields, then the update
    /// (with $setOnInsert); _id comes first and is a new ObjectId when neither gives one.
    /// </summary>
    public BsonDocument BuildUpsertDocument(BsonDocument filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var seed = UpsertSeed.FromFilter(filter, idOnly: _replacement is not null);
        BsonDocument inserted;
        if (_replacement is not null)
        {
            inserted = _replacement.DeepClone().AsBsonDocument;
            if (!inserted.Contains("_id") && seed.TryGetValue("_id", out var id))
            {
                inserted.InsertAt(0, new BsonElement("_id", id));
            }
        }
        else
        {
            inserted = _pipeline is not null ? RunPipeline(seed) : ApplyOperations(seed.DeepClone().AsBsonDocument, details: null, isInsert: true);
            CheckIdUnchanged(seed, inserted);
        }

        var finalId = inserted.TryGetValue("_id", out var existingId) ? existingId : new BsonObjectId(ObjectId.GenerateNewId());
        inserted.Remove("_id");
        inserted.InsertAt(0, new BsonElement("_id", finalId));
        return inserted;
    }

    private BsonDocument ApplyOperations(BsonDocument working, MatchDetails? details, bool isInsert)
    {
        var context = new UpdateContext(working, details, _arrayFilters, isInsert);
        ArrayUpdateConflicts.Check(_operations, context);
        foreach (var operation in _operations)
        {
            operation.Execute(context);
        }

        return working;
    }

    private BsonDocument RunPipeline(BsonDocument original)
    {
        var result = _pipeline!.Run([original.DeepClone().AsBsonDocument]).Single();

        // Like a replacement, a pipeline that drops _id keeps the original one.
        if (!result.Contains("_id") && original.TryGetValue("_id", out var id))
        {
            result.InsertAt(0, new BsonElement("_id", id));
        }

        return result;
    }

    private BsonDocument Replace(BsonDocument original)
    {
        // An execution error in mongod: it is raised only when a document is replaced, and an upsert
        // inserts such a document as it is.
        foreach (var element in _replacement!)
        {
            if (element.Name.StartsWith('$'))
            {
                throw new QueryException(ErrorCodes.DollarPrefixedFieldName,
                    $"The dollar ($) prefixed field '{element.Name}' in '{element.Name}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.");
            }
        }

        var replaced = new BsonDocument();
        if (original.TryGetValue("_id", out var id))
        {
            if (_replacement!.TryGetValue("_id", out var newId) && !BsonValueComparer.Instance.Equals(id, newId))
            {
                throw new QueryException(ErrorCodes.ImmutableField,
                    $"After applying the update, the (immutable) field '_id' was found to have been altered to {MongoText.Element("_id", newId)}");
            }

            replaced.Add("_id", id);
        }

        foreach (var element in _replacement!)
        {
            if (element.Name != "_id" || !replaced.Contains("_id"))
            {
                replaced.Add(element.Name, element.Value.DeepClone());
            }
        }

        return replaced;
    }

    private static void CheckIdUnchanged(BsonDocument original, BsonDocument updated)
    {
        if (!original.TryGetValue("_id", out var id))
        {
            return;
        }

        if (!updated.TryGetValue("_id", out var newId) || !BsonValueComparer.Instance.Equals(id, newId))
        {
            throw new QueryException(ErrorCodes.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
        }
    }

    /// <summary>mongod applies operators field by field in name order, numeric names (array indexes) by number.</summary>
    private sealed class PathOrder : IComparer<IReadOnlyList<string>>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var order = Paths.FieldPath.TryParseIndex(x[i], out var left) && Paths.FieldPath.TryParseIndex(y[i], out var right)
                    ? left.CompareTo(right)
                    : string.CompareOrdinal(x[i], y[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
