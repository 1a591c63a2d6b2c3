using MongoDB.Bson;
using Tessera.Query.Comparison;
using Tessera.Query.Paths;

namespace Tessera.Query.Sorting;

/// <summary>
/// The key a document sorts by, as mongod's sort key generator makes it: every combination of values the
/// sort paths reach, built like compound index keys (paths under one array take their values from the same
/// element), and of those the one that sorts first. A missing field is null, an array contributes its
/// elements (so ascending takes the smallest, descending the largest), an empty array is undefined (below
/// null) and an array reached by a positional component ("a.0") is one value. Two sort paths through
/// different arrays of one document are "parallel arrays", which mongod refuses.
/// </summary>
internal sealed class SortKeyGenerator(IReadOnlyList<(FieldPath Path, bool Ascending)> keys)
{
    private readonly record struct PendingPath(int Key, IReadOnlyList<string> Parts, int Depth)
    {
        public bool AtEnd => Depth == Parts.Count;

        public string Next => Parts[Depth];

        public PendingPath Advance() => this with { Depth = Depth + 1 };
    }

    public BsonValue[] KeyOf(BsonDocument document)
    {
        var paths = keys.Select((key, i) => new PendingPath(i, key.Path.Parts, 0)).ToList();
        var (tuples, _) = FromDocument(document, paths);
        var best = tuples[0];
        for (var i = 1; i < tuples.Count; i++)
        {
            if (Compare(tuples[i], best) < 0)
            {
                best = tuples[i];
            }
        }

        return best;
    }

    /// <summary>Orders two keys by the sort's directions.</summary>
    public int Compare(BsonValue[] x, BsonValue[] y)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var order = BsonValueComparer.Instance.Compare(x[i], y[i]);
            if (order != 0)
            {
                return keys[i].Ascending ? order : -order;
            }
        }

        return 0;
    }

    private (List<BsonValue[]> Tuples, bool ThroughArray) FromDocument(BsonDocument document, List<PendingPath> paths)
    {
        var tuples = new List<BsonValue[]> { new BsonValue[keys.Count] };
        var arrayFields = 0;
        foreach (var group in paths.GroupBy(path => path.Next, StringComparer.Ordinal))
        {
            var value = document.TryGetValue(group.Key, out var found) ? found : null;
            var (fieldTuples, throughArray) = FromValue(value, group.Select(path => path.Advance()).ToList(), reachedByPosition: false);
            if (throughArray && ++arrayFields > 1)
            {
                throw new QueryException(ErrorCodes.BadValue, "cannot sort with keys that are parallel arrays");
            }

            tuples = Combine(tuples, fieldTuples);
        }

        return (tuples, arrayFields > 0);
    }

    private (List<BsonValue[]> Tuples, bool ThroughArray) FromValue(BsonValue? value, List<PendingPath> paths, bool reachedByPosition)
    {
        var ending = paths.Where(path => path.AtEnd).ToList();
        var deeper = paths.Where(path => !path.AtEnd).ToList();
        switch (value)
        {
            case BsonArray array when !(reachedByPosition && deeper.Count == 0):
                if (ending.Count == 0 && deeper.All(path => FieldPath.TryParseIndex(path.Next, out _)))
                {
                    return FromPositions(array, deeper);
                }

                if (array.Count == 0)
                {
                    return ([Tuple(ending, BsonUndefined.Value, deeper, BsonNull.Value)], true);
                }

                var tuples = new List<BsonValue[]>();
                foreach (var element in array)
                {
                    var own = new List<BsonValue[]> { Tuple(ending, element, [], BsonNull.Value) };
                    if (deeper.Count > 0)
                    {
                        own = Combine(own, element is BsonDocument document ? FromDocument(document, deeper).Tuples : [Tuple([], BsonNull.Value, deeper, BsonNull.Value)]);
                    }

                    tuples.AddRange(own);
                }

                return (tuples, true);
            case BsonDocument document:
                var withDocument = new List<BsonValue[]> { Tuple(ending, document, [], BsonNull.Value) };
                if (deeper.Count == 0)
                {
                    return (withDocument, false);
                }

                var (inner, throughArray) = FromDocument(document, deeper);
                return (Combine(withDocument, inner), throughArray);
            default:
                return ([Tuple(ending, value ?? BsonNull.Value, deeper, BsonNull.Value)], false);
        }
    }

    /// <summary>"a.0": the element at that position, not the array's elements one by one.</summary>
    private (List<BsonValue[]> Tuples, bool ThroughArray) FromPositions(BsonArray array, List<PendingPath> paths)
    {
        var tuples = new List<BsonValue[]> { new BsonValue[keys.Count] };
        var arrayPositions = 0;
        foreach (var group in paths.GroupBy(path => path.Next, StringComparer.Ordinal))
        {
            FieldPath.TryParseIndex(group.Key, out var index);
            var element = index < array.Count ? array[index] : null;
            var (positionTuples, throughArray) = FromValue(element, group.Select(path => path.Advance()).ToList(), reachedByPosition: true);
            if (throughArray && ++arrayPositions > 1)
            {
                throw new QueryException(ErrorCodes.BadValue, "cannot sort with keys that are parallel arrays");
            }

            tuples = Combine(tuples, positionTuples);
        }

        return (tuples, arrayPositions > 0);
    }

    private BsonValue[] Tuple(List<PendingPath> first, BsonValue firstValue, List<PendingPath> second, BsonValue secondValue)
    {
        var tuple = new BsonValue[keys.Count];
        foreach (var path in first)
        {
            tuple[path.Key] = firstValue;
        }

        foreach (var path in second)
        {
            tuple[path.Key] = secondValue;
        }

        return tuple;
    }

    /// <summary>Every pairing of the two sets; each fills its own key positions.</summary>
    private static List<BsonValue[]> Combine(List<BsonValue[]> left, List<BsonValue[]> right)
    {
        var combined = new List<BsonValue[]>(left.Count * right.Count);
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                var tuple = (BsonValue[])l.Clone();
                for (var i = 0; i < tuple.Length; i++)
                {
                    tuple[i] ??= r[i];
                }

                combined.Add(tuple);
            }
        }

        return combined;
    }
}
