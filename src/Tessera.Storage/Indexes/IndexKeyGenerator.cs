using MongoDB.Bson;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Indexes;

/// <summary>One index entry of a document: the encoded key and the values it was made of (for E11000's dup key).</summary>
public sealed record IndexEntryKey(byte[] Key, BsonDocument Values);

/// <summary>
/// The index keys of a document, as MongoDB makes them: a missing field is null; an array field gives one key per
/// distinct element (a multikey index; an empty array gives one key, the empty array itself); a path goes through
/// arrays of documents; a compound key may have at most one array field ("cannot index parallel arrays").
/// A sparse index has no entry for a document that has none of the indexed fields.
/// </summary>
public static class IndexKeyGenerator
{
    public static IReadOnlyList<IndexEntryKey> KeysOf(IndexSpec index, BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(document);
        var perField = new List<List<BsonValue>>(index.Fields.Count);
        string? arrayField = null;
        var anyPresent = false;
        foreach (var (path, _) in index.Fields)
        {
            var values = new List<BsonValue>();
            var isArray = false;
            var present = false;
            Collect(document, path.Split('.'), 0, values, ref isArray, ref present);
            anyPresent |= present;
            if (isArray)
            {
                if (arrayField is not null)
                {
                    throw new StorageException(StorageErrorCodes.CannotIndexParallelArrays, "CannotIndexParallelArrays",
                        $"cannot index parallel arrays [{path.Split('.')[0]}] [{arrayField.Split('.')[0]}]");
                }

                arrayField = path;
            }

            perField.Add(Distinct(values));
        }

        if (index.Sparse && !anyPresent)
        {
            return [];
        }

        var keys = new List<IndexEntryKey>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var combination in Combinations(perField))
        {
            var components = combination.Select((value, i) => new KeyComponent(value, index.Fields[i].Direction));
            var key = IndexKeyEncoder.Encode(components);
            if (seen.Add(Convert.ToBase64String(key)))
            {
                var values = new BsonDocument(combination.Select((value, i) => new BsonElement(index.Fields[i].Path, value)));
                keys.Add(new IndexEntryKey(key, values));
            }
        }

        return keys;
    }

    private static void Collect(BsonValue current, string[] parts, int at, List<BsonValue> values, ref bool isArray, ref bool present)
    {
        if (at == parts.Length)
        {
            present = true;
            if (current is BsonArray array)
            {
                isArray = true;
                if (array.Count == 0)
                {
                    values.Add(new BsonArray());
                }
                else
                {
                    values.AddRange(array);
                }
            }
            else
            {
                values.Add(current);
            }

            return;
        }

        switch (current)
        {
            case BsonDocument document when document.TryGetValue(parts[at], out var next):
                Collect(next, parts, at + 1, values, ref isArray, ref present);
                return;
            case BsonArray array:
                isArray = true;
                if (int.TryParse(parts[at], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                    && position < array.Count)
                {
                    Collect(array[position], parts, at + 1, values, ref isArray, ref present); // "a.0.b": a position
                    return;
                }

                var before = values.Count;
                foreach (var element in array)
                {
                    if (element is BsonDocument)
                    {
                        Collect(element, parts, at, values, ref isArray, ref present);
                    }
                }

                if (values.Count == before)
                {
                    values.Add(BsonNull.Value);
                }

                return;
            default:
                values.Add(BsonNull.Value); // missing: indexed as null
                return;
        }
    }

    private static List<BsonValue> Distinct(List<BsonValue> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.Where(v => seen.Add(Convert.ToBase64String(IndexKeyEncoder.Encode(v)))).ToList();
    }

    private static IEnumerable<BsonValue[]> Combinations(List<List<BsonValue>> perField)
    {
        IEnumerable<BsonValue[]> result = [[]];
        foreach (var values in perField)
        {
            result = result.SelectMany(prefix => values.Select(value => prefix.Append(value).ToArray()));
        }

        return result;
    }
}
