using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates;

/// <summary>
/// The document an upsert starts from: the equality conditions of the filter (field: value, field: {$eq: value},
/// a one-value $in, and those inside $and or a one-clause $or), with dotted paths made into embedded documents.
/// Other conditions add nothing.
/// </summary>
internal static class UpsertSeed
{
    /// <param name="filter">The update's query.</param>
    /// <param name="idOnly">For a replacement mongod takes only the immutable _id from the query.</param>
    public static BsonDocument FromFilter(BsonDocument filter, bool idOnly)
    {
        var equalities = new List<(string Path, BsonValue Value)>();
        Collect(filter, equalities);
        if (idOnly)
        {
            equalities.RemoveAll(equality => equality.Path != "_id" && !equality.Path.StartsWith("_id.", StringComparison.Ordinal));
        }

        var seed = new BsonDocument();
        var paths = new List<string>();

        // mongod keeps the equalities in a map by path, so the seed's fields come in path order.
        foreach (var (path, value) in equalities.OrderBy(equality => equality.Path, StringComparer.Ordinal))
        {
            foreach (var earlier in paths)
            {
                if (earlier == path)
                {
                    throw new QueryException(ErrorCodes.NotSingleValueField, $"cannot infer query fields to set, path '{path}' is matched twice");
                }

                if (path.StartsWith(earlier + ".", StringComparison.Ordinal) || earlier.StartsWith(path + ".", StringComparison.Ordinal))
                {
                    throw new QueryException(ErrorCodes.NotSingleValueField, $"cannot infer query fields to set, both paths '{earlier}' and '{path}' are matched");
                }
            }

            paths.Add(path);
            Set(seed, path.Split('.'), value.DeepClone());
        }

        return seed;
    }

    private static void Collect(BsonDocument filter, List<(string, BsonValue)> equalities)
    {
        foreach (var element in filter)
        {
            // mongod canonicalizes the query first: a one-clause $or is its clause, like $and.
            if ((element.Name == "$and" || (element.Name == "$or" && element.Value is BsonArray { Count: 1 })) && element.Value is BsonArray clauses)
            {
                foreach (var clause in clauses.OfType<BsonDocument>())
                {
                    Collect(clause, equalities);
                }

                continue;
            }

            if (element.Name.StartsWith('$'))
            {
                continue;
            }

            switch (element.Value)
            {
                case BsonRegularExpression:
                    break;
                case BsonDocument operators when FilterParser.IsOperatorDocument(operators):
                    if (operators.TryGetValue("$eq", out var equal))
                    {
                        equalities.Add((element.Name, equal));
                    }
                    else if (operators.TryGetValue("$in", out var single) && single is BsonArray { Count: 1 } only && only[0] is not BsonRegularExpression)
                    {
                        // Canonicalization turns a one-value $in into an equality.
                        equalities.Add((element.Name, only[0]));
                    }

                    break;
                default:
                    equalities.Add((element.Name, element.Value));
                    break;
            }
        }
    }

    private static void Set(BsonDocument document, string[] parts, BsonValue value)
    {
        var level = document;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (!level.TryGetValue(parts[i], out var next) || next is not BsonDocument nested)
            {
                nested = new BsonDocument();
                level[parts[i]] = nested;
            }

            level = nested;
        }

        level[parts[^1]] = value;
    }
}
