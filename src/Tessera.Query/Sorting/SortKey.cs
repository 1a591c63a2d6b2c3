using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Paths;

namespace Tessera.Query.Sorting;

/// <summary>
/// The value a document sorts by for one path, as mongod's sort key generator makes it: a missing field
/// is null, an array contributes its elements (ascending takes the smallest, descending the largest),
/// and an empty array is undefined, which sorts below null.
/// </summary>
internal static class SortKey
{
    public static BsonValue Of(BsonDocument document, FieldPath path, bool ascending)
    {
        var candidates = new List<BsonValue>();
        Collect(document, path.Parts, 0, candidates);
        var best = candidates[0];
        for (var i = 1; i < candidates.Count; i++)
        {
            var order = BsonValueComparer.Instance.Compare(candidates[i], best);
            if (ascending ? order < 0 : order > 0)
            {
                best = candidates[i];
            }
        }

        return best;
    }

    private static void Collect(BsonValue? current, IReadOnlyList<string> parts, int depth, List<BsonValue> candidates)
    {
        if (depth == parts.Count)
        {
            if (current is BsonArray leaf)
            {
                if (leaf.Count == 0)
                {
                    candidates.Add(BsonUndefined.Value);
                }
                else
                {
                    candidates.AddRange(leaf);
                }
            }
            else
            {
                candidates.Add(current ?? BsonNull.Value);
            }

            return;
        }

        switch (current)
        {
            case BsonDocument document:
                Collect(document.TryGetValue(parts[depth], out var child) ? child : null, parts, depth + 1, candidates);
                break;
            case BsonArray array when FieldPath.TryParseIndex(parts[depth], out var index):
                Collect(index < array.Count ? array[index] : null, parts, depth + 1, candidates);
                break;
            case BsonArray { Count: 0 }:
                candidates.Add(BsonNull.Value);
                break;
            case BsonArray array:
                foreach (var element in array)
                {
                    Collect(element is BsonArray ? null : element, parts, depth, candidates);
                }

                break;
            default:
                candidates.Add(BsonNull.Value);
                break;
        }
    }
}
