using MongoDB.Bson;
using Tessera.Storage.Keys;

namespace Tessera.Storage.Indexes;

/// <summary>One end of a range on an index field.</summary>
public readonly record struct IndexBound(BsonValue Value, bool Inclusive);

/// <summary>
/// Which entries of an index to read: values equal to <see cref="Equal"/> on the first fields of the key pattern,
/// then optionally a range on the next field. Bounds compare by MongoDB's order across all types, so a planner
/// that wants "numbers greater than 5" gives the upper bound of the number bracket itself.
/// </summary>
public sealed record IndexRange(IReadOnlyList<BsonValue> Equal, IndexBound? Lower = null, IndexBound? Upper = null)
{
    /// <summary>Every entry of the index.</summary>
    public static IndexRange All { get; } = new([]);

    /// <summary>The encoded keys to read: from <c>From</c> (inclusive) to <c>To</c> (exclusive; null: to the end).</summary>
    public (byte[] From, byte[]? To) ToKeyRange(IndexSpec index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var rangeField = Lower is not null || Upper is not null ? 1 : 0;
        if (Equal.Count + rangeField > index.Fields.Count)
        {
            throw new ArgumentException($"The range has more fields than the index {index.Name}.", nameof(index));
        }

        var prefix = Equal.Select((value, i) => new KeyComponent(value, index.Fields[i].Direction)).ToList();
        var prefixKey = IndexKeyEncoder.Encode(prefix);
        if (rangeField == 0)
        {
            return (prefixKey, KeySuccessor.Of(prefixKey));
        }

        var direction = index.Fields[Equal.Count].Direction;
        byte[] With(BsonValue value) => IndexKeyEncoder.Encode(prefix.Append(new KeyComponent(value, direction)));

        // A descending component is stored inverted: its largest values come first in byte order.
        var (first, last) = direction == KeyDirection.Ascending ? (Lower, Upper) : (Upper, Lower);
        var from = first is { } start ? (start.Inclusive ? With(start.Value) : KeySuccessor.Of(With(start.Value)) ?? With(start.Value)) : prefixKey;
        var to = last is { } end ? (end.Inclusive ? KeySuccessor.Of(With(end.Value)) : With(end.Value)) : KeySuccessor.Of(prefixKey);
        return (from, to);
    }
}

/// <summary>The smallest byte string greater than every string that starts with a given one.</summary>
internal static class KeySuccessor
{
    /// <summary>Null when there is none (the key is all 0xFF bytes): the range then runs to the end.</summary>
    public static byte[]? Of(byte[] key)
    {
        for (var i = key.Length - 1; i >= 0; i--)
        {
            if (key[i] != 0xFF)
            {
                var successor = key[..(i + 1)];
                successor[i]++;
                return successor;
            }
        }

        return null;
    }
}
