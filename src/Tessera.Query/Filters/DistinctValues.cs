using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Paths;

namespace Tessera.Query.Filters;

/// <summary>
/// The values of the distinct command: what the key reaches in each document (arrays on the way entered, an
/// array at the end contributing its elements), each once by MongoDB's equality (the first seen kept), in
/// MongoDB's order as mongod's ordered element set returns them. Documents without the key contribute nothing.
/// </summary>
public static class DistinctValues
{
    public static BsonArray Collect(IEnumerable<BsonDocument> documents, string key)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var path = new FieldPath(key);
        var seen = new HashSet<BsonValue>(BsonValueComparer.Instance);
        var values = new BsonArray();
        foreach (var document in documents)
        {
            foreach (var candidate in MatchPathWalker.Walk(document, path, expandLeafArrays: false))
            {
                IEnumerable<BsonValue> reached = candidate.Value switch
                {
                    null => [],
                    BsonArray array => array,
                    var value => [value],
                };
                foreach (var value in reached)
                {
                    if (seen.Add(value))
                    {
                        values.Add(value);
                    }
                }
            }
        }

        return new BsonArray(values.OrderBy(value => value, BsonValueComparer.Instance));
    }
}
