using MongoDB.Bson;
using Tessera.Query.Paths;

namespace Tessera.Query.Updates;

/// <summary>
/// Finds the places an update path reaches, expanding "$", "$[]" and "$[id]". Operators that create
/// ($set, $inc, $push…) make missing embedded documents and fail on a scalar in the way (PathNotViable,
/// "Cannot create field 'b' in element {a: 1}"); the others ($unset, $pull, $pop…) stop quietly.
/// </summary>
internal static class UpdatePathResolver
{
    public static void Visit(UpdateContext context, UpdatePath path, bool create, Action<UpdateSlot> visit) =>
        Walk(context.Document, string.Empty, path, 0, context, create, visit);

    private static void Walk(BsonValue container, string containerName, UpdatePath path, int depth, UpdateContext context, bool create, Action<UpdateSlot> visit)
    {
        var part = path.Parts[depth];
        switch (container)
        {
            case BsonDocument document:
                if (part.StartsWith("$[", StringComparison.Ordinal))
                {
                    throw new QueryException(ErrorCodes.BadValue, $"Cannot apply array updates to non-array element {MongoText.Element(containerName, container)}");
                }

                var name = UpdatePath.IsPositional(part) ? MatchedIndex(context).ToString(System.Globalization.CultureInfo.InvariantCulture) : part;
                if (depth == path.Parts.Count - 1)
                {
                    visit(new DocumentSlot(document, name));
                    return;
                }

                if (!document.TryGetValue(name, out var child))
                {
                    if (!create)
                    {
                        return;
                    }

                    if (path.Parts[depth + 1].StartsWith("$[", StringComparison.Ordinal))
                    {
                        var prefix = string.Join('.', path.Parts.Take(depth + 1));
                        throw new QueryException(ErrorCodes.BadValue, $"The path '{prefix}' must exist in the document in order to apply array updates.");
                    }

                    child = new BsonDocument();
                    document[name] = child;
                }

                Walk(child, name, path, depth + 1, context, create, visit);
                return;
            case BsonArray array:
                if (UpdatePath.IsAllPositional(part))
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Step(array, i, path, depth, context, create, visit);
                    }

                    return;
                }

                if (UpdatePath.FilterIdentifier(part) is { } identifier)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (context.ArrayFilters.Matches(identifier, array[i]))
                        {
                            Step(array, i, path, depth, context, create, visit);
                        }
                    }

                    return;
                }

                if (UpdatePath.IsPositional(part))
                {
                    Step(array, MatchedIndex(context), path, depth, context, create, visit);
                    return;
                }

                if (FieldPath.TryParseIndex(part, out var index))
                {
                    Step(array, index, path, depth, context, create, visit);
                    return;
                }

                if (create)
                {
                    throw CannotCreate(part, containerName, container);
                }

                return;
            default:
                if (UpdatePath.IsPositional(part))
                {
                    MatchedIndex(context);
                }

                if (create)
                {
                    throw CannotCreate(part, containerName, container);
                }

                return;
        }
    }

    private static void Step(BsonArray array, int index, UpdatePath path, int depth, UpdateContext context, bool create, Action<UpdateSlot> visit)
    {
        if (depth == path.Parts.Count - 1)
        {
            visit(new ArraySlot(array, index));
            return;
        }

        if (index >= array.Count)
        {
            if (!create)
            {
                return;
            }

            new ArraySlot(array, index).Set(new BsonDocument());
        }

        Walk(array[index], index.ToString(System.Globalization.CultureInfo.InvariantCulture), path, depth + 1, context, create, visit);
    }

    private static int MatchedIndex(UpdateContext context) =>
        context.Details?.ArrayIndex ?? throw new QueryException(ErrorCodes.BadValue, "The positional operator did not find the match needed from the query.");

    private static QueryException CannotCreate(string part, string containerName, BsonValue container) =>
        new(ErrorCodes.PathNotViable, $"Cannot create field '{part}' in element {{{MongoText.Element(containerName, container)}}}");
}
