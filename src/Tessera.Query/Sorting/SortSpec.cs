using MongoDB.Bson;
using Tessera.Query.Paths;

namespace Tessera.Query.Sorting;

/// <summary>
/// A parsed sort specification ({a: 1, "b.c": -1}). <see cref="Sort"/> is stable, so documents with
/// equal keys keep their input order. A document whose sort paths run through two different arrays
/// makes sorting fail with mongod's "cannot sort with keys that are parallel arrays" (BadValue).
/// </summary>
public sealed class SortSpec : IComparer<BsonDocument>
{
    private readonly IReadOnlyList<(FieldPath Path, bool Ascending)> _keys;
    private readonly SortKeyGenerator _generator;

    private SortSpec(IReadOnlyList<(FieldPath Path, bool Ascending)> keys)
    {
        _keys = keys;
        _generator = new SortKeyGenerator(keys);
    }

    /// <summary>The fields in order with their direction.</summary>
    public IEnumerable<(string Path, bool Ascending)> Keys => _keys.Select(k => (k.Path.Dotted, k.Ascending));

    public static SortSpec Parse(BsonDocument specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var keys = new List<(FieldPath, bool)>();
        foreach (var element in specification)
        {
            if (element.Name.Length == 0 || element.Name.Split('.').Any(part => part.Length == 0))
            {
                throw new QueryException(ErrorCodes.BadValue, $"Invalid sort key: empty field name in '{element.Name}'");
            }

            if (element.Value is BsonDocument meta && meta.Contains("$meta"))
            {
                throw new QueryException(ErrorCodes.BadValue, $"$meta sort by {meta["$meta"]} is not supported");
            }

            var direction = Numbers.IsNumber(element.Value) ? Numbers.ToDouble(element.Value) : double.NaN;
            if (direction is not (1 or -1))
            {
                throw new QueryException(15975, "$sort key ordering must be 1 (for ascending) or -1 (for descending)");
            }

            keys.Add((new FieldPath(element.Name), direction == 1));
        }

        return new SortSpec(keys);
    }

    public int Compare(BsonDocument? x, BsonDocument? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return CompareKeys(KeysOf(x), KeysOf(y));
    }

    /// <summary>The documents in sort order, equal keys in input order; each document's keys are computed once.</summary>
    public IEnumerable<BsonDocument> Sort(IEnumerable<BsonDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return documents
            .Select(document => (Document: document, Keys: KeysOf(document)))
            .OrderBy(entry => entry.Keys, Comparer<BsonValue[]>.Create(CompareKeys))
            .Select(entry => entry.Document);
    }

    private BsonValue[] KeysOf(BsonDocument document) => _generator.KeyOf(document);

    private int CompareKeys(BsonValue[]? x, BsonValue[]? y) => _generator.Compare(x!, y!);
}
