using MongoDB.Bson;

namespace Tessera.Query.Paths;

/// <summary>
/// The values a dotted path reaches for query matching, with mongod's array semantics:
/// an array in the middle of a path is entered element by element (only documents continue; a numeric
/// component also indexes the array), a missing field in a reached document yields "missing",
/// and an array at the end of the path yields each element and then the array itself when
/// <c>expandLeafArrays</c> is set ($size and $elemMatch look at the array only).
/// Nested arrays are not entered implicitly, as in mongod.
/// </summary>
internal static class MatchPathWalker
{
    public static List<PathCandidate> Walk(BsonDocument document, FieldPath path, bool expandLeafArrays)
    {
        var results = new List<PathCandidate>();
        WalkDocument(document, path.Parts, 0, null, expandLeafArrays, results);
        return results;
    }

    private static void WalkDocument(BsonDocument document, IReadOnlyList<string> parts, int depth, int? arrayIndex, bool expand, List<PathCandidate> results)
    {
        if (!document.TryGetValue(parts[depth], out var value))
        {
            results.Add(new PathCandidate(null, arrayIndex));
            return;
        }

        WalkValue(value, parts, depth + 1, arrayIndex, expand, results);
    }

    /// <summary>Continues with <paramref name="value"/>, reached by parts[..depth].</summary>
    private static void WalkValue(BsonValue value, IReadOnlyList<string> parts, int depth, int? arrayIndex, bool expand, List<PathCandidate> results)
    {
        if (depth == parts.Count)
        {
            if (expand && value is BsonArray leafArray)
            {
                for (var i = 0; i < leafArray.Count; i++)
                {
                    results.Add(new PathCandidate(leafArray[i], arrayIndex ?? i));
                }
            }

            results.Add(new PathCandidate(value, arrayIndex));
            return;
        }

        switch (value)
        {
            case BsonDocument embedded:
                WalkDocument(embedded, parts, depth, arrayIndex, expand, results);
                break;
            case BsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is BsonDocument element)
                    {
                        WalkDocument(element, parts, depth, arrayIndex ?? i, expand, results);
                    }
                }

                if (FieldPath.TryParseIndex(parts[depth], out var index) && index < array.Count)
                {
                    WalkValue(array[index], parts, depth + 1, arrayIndex, expand, results);
                }

                break;
            default:
                // A scalar cannot hold the rest of the path: the field is missing here.
                results.Add(new PathCandidate(null, arrayIndex));
                break;
        }
    }
}
