using MongoDB.Bson;

namespace Tessera.Query.Updates;

/// <summary>The place an update path ends: a field of a document or a position of an array, filled or not.</summary>
internal abstract class UpdateSlot(string resolvedPath)
{
    /// <summary>The concrete dotted path of this place ("a.0.b"), positional operators resolved.</summary>
    public string ResolvedPath { get; } = resolvedPath;

    /// <summary>The current value; null when the field or position does not exist.</summary>
    public abstract BsonValue? Value { get; }

    /// <summary>The last component of the path, for messages.</summary>
    public abstract string Name { get; }

    public abstract void Set(BsonValue value);

    /// <summary>$unset: a field is removed; an array position becomes null so the others keep their places.</summary>
    public abstract void Remove();
}

internal sealed class DocumentSlot(BsonDocument document, string name, string resolvedPath) : UpdateSlot(resolvedPath)
{
    public override BsonValue? Value => document.TryGetValue(name, out var value) ? value : null;

    public override string Name => name;

    public override void Set(BsonValue value) => document[name] = value;

    public override void Remove() => document.Remove(name);
}

internal sealed class ArraySlot(BsonArray array, int index, string resolvedPath) : UpdateSlot(resolvedPath)
{
    public override BsonValue? Value => index < array.Count ? array[index] : null;

    public override string Name => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override void Set(BsonValue value)
    {
        // Setting past the end pads with nulls, as mongod does.
        while (array.Count <= index)
        {
            array.Add(BsonNull.Value);
        }

        array[index] = value;
    }

    public override void Remove()
    {
        if (index < array.Count)
        {
            array[index] = BsonNull.Value;
        }
    }
}
