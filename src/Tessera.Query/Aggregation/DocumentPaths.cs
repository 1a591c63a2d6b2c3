using MongoDB.Bson;

namespace Tessera.Query.Aggregation;

/// <summary>Reading and writing a dotted path through embedded documents only (no array traversal), as $unwind and $lookup do.</summary>
internal static class DocumentPaths
{
    public static BsonValue? Get(BsonDocument document, IReadOnlyList<string> path)
    {
        BsonValue current = document;
        foreach (var part in path)
        {
            if (current is not BsonDocument level || !level.TryGetValue(part, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Sets the value, replacing anything that is not a document on the way by a new document.</summary>
    public static void Set(BsonDocument document, IReadOnlyList<string> path, BsonValue value)
    {
        var level = document;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!level.TryGetValue(path[i], out var next) || next is not BsonDocument nested)
            {
                nested = new BsonDocument();
                level[path[i]] = nested;
            }

            level = nested;
        }

        level[path[^1]] = value;
    }

    public static void Remove(BsonDocument document, IReadOnlyList<string> path)
    {
        if (path.Count == 1)
        {
            document.Remove(path[0]);
        }
        else if (Get(document, path.Take(path.Count - 1).ToList()) is BsonDocument parent)
        {
            parent.Remove(path[^1]);
        }
    }
}
