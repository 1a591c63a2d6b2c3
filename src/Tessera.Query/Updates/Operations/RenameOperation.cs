using MongoDB.Bson;

namespace Tessera.Query.Updates.Operations;

/// <summary>$rename: moves a field; neither end may be inside an array.</summary>
internal sealed class RenameOperation(UpdatePath source, UpdatePath destination) : UpdateOperation("$rename", source)
{
    public override IEnumerable<UpdatePath> WrittenPaths => [Path, destination];

    public override void Execute(UpdateContext context)
    {
        var (parent, value) = Find(context.Document, Path, "source");
        if (parent is null || value is null)
        {
            return;
        }

        Find(context.Document, destination, "destination");
        parent.Remove(Path.Parts[^1]);
        UpdatePathResolver.Visit(context, destination, create: true, slot => slot.Set(value));
    }

    protected override void Apply(UpdateSlot slot, UpdateContext context) => throw new InvalidOperationException("$rename executes itself");

    /// <summary>The document holding the path's last field and the field's value, refusing arrays on the way.</summary>
    private static (BsonDocument? Parent, BsonValue? Value) Find(BsonDocument document, UpdatePath path, string role)
    {
        BsonValue current = document;
        for (var i = 0; i < path.Parts.Count; i++)
        {
            if (current is BsonArray)
            {
                var prefix = string.Join('.', path.Parts.Take(i));
                throw new QueryException(ErrorCodes.BadValue,
                    $"The {role} field cannot be an array element, '{path.Dotted}' in doc with {MongoText.Element(path.Parts[0], document.GetValue(path.Parts[0]))} has an array field called '{prefix}'");
            }

            if (current is not BsonDocument level || !level.TryGetValue(path.Parts[i], out var next))
            {
                return (null, null);
            }

            if (i == path.Parts.Count - 1)
            {
                return (level, next);
            }

            current = next;
        }

        return (null, null);
    }
}
