using MongoDB.Bson;
using Tessera.Query.Paths;

namespace Tessera.Query.Updates.Operations;

/// <summary>
/// $rename: moves a field. The source is looked up as mongod's findLongestPrefix does (array positions
/// may be walked, anything else in the way is PathNotViable), and neither end may be inside an array.
/// </summary>
internal sealed class RenameOperation(UpdatePath source, UpdatePath destination) : UpdateOperation("$rename", source)
{
    public override IEnumerable<UpdatePath> WrittenPaths => [Path, destination];

    public override void Execute(UpdateContext context)
    {
        var (parent, value) = Find(context.Document, Path);
        if (value is null)
        {
            return;
        }

        // Either end inside an array is refused; past this point the source's parent is a document.
        RefuseArrays(context.Document, Path, "source");
        RefuseArrays(context.Document, destination, "destination");
        parent!.Remove(Path.Parts[^1]);
        UpdatePathResolver.Visit(context, destination, create: true, slot => slot.Set(value));
    }

    protected override void Apply(UpdateSlot slot, UpdateContext context) => throw new InvalidOperationException("$rename executes itself");

    /// <summary>The document holding the path's last field and the field's value, or nothing when it is missing.</summary>
    private static (BsonDocument? Parent, BsonValue? Value) Find(BsonDocument document, UpdatePath path)
    {
        BsonValue current = document;
        var currentName = string.Empty;
        for (var i = 0; i < path.Parts.Count; i++)
        {
            var part = path.Parts[i];
            BsonValue? next;
            switch (current)
            {
                case BsonDocument level:
                    if (!level.TryGetValue(part, out next))
                    {
                        return (null, null);
                    }

                    if (i == path.Parts.Count - 1)
                    {
                        return (level, next);
                    }

                    break;
                case BsonArray array when FieldPath.TryParseIndex(part, out var index):
                    if (index >= array.Count)
                    {
                        return (null, null);
                    }

                    // An array element is no field to move; RefuseArrays names the array.
                    next = array[index];
                    if (i == path.Parts.Count - 1)
                    {
                        return (null, next);
                    }

                    break;
                default:
                    throw new QueryException(ErrorCodes.PathNotViable,
                        $"cannot use the part ({currentName} of {path.Dotted}) to traverse the element ({{{MongoText.Element(currentName, current)}}})");
            }

            current = next;
            currentName = part;
        }

        return (null, null);
    }

    private static void RefuseArrays(BsonDocument document, UpdatePath path, string role)
    {
        BsonValue current = document;
        for (var i = 0; i < path.Parts.Count && current is BsonDocument level; i++)
        {
            if (!level.TryGetValue(path.Parts[i], out var next))
            {
                return;
            }

            if (next is BsonArray && i < path.Parts.Count - 1)
            {
                var arrayPath = string.Join('.', path.Parts.Take(i + 1));
                throw new QueryException(ErrorCodes.BadValue,
                    $"The {role} field cannot be an array element, '{path.Dotted}' in doc with {MongoText.Element(path.Parts[0], document[path.Parts[0]])} has an array field called '{arrayPath}'");
            }

            current = next;
        }
    }
}
