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
        Walk(context.Document, string.Empty, string.Empty, path, 0, context, create, visit);

    /// <summary>The concrete paths ("a.0.b") an update path reaches now, without changing the document.</summary>
    public static List<string> ResolvedPaths(UpdateContext context, UpdatePath path)
    {
        var paths = new List<string>();
        Visit(context, path, create: false, slot => paths.Add(slot.ResolvedPath));
        return paths;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static void Walk(BsonValue container, string containerName, string resolved, UpdatePath path, int depth, UpdateContext context, bool create, Action<UpdateSlot> visit)
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
                    visit(new DocumentSlot(document, name, Join(resolved, name)));
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

                Walk(child, name, Join(resolved, name), path, depth + 1, context, create, visit);
                return;
            case BsonArray array:
                if (UpdatePath.IsAllPositional(part))
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Step(array, i, resolved, path, depth, context, create, visit);
                    }

                    return;
                }

                if (UpdatePath.FilterIdentifier(part) is { } identifier)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (context.ArrayFilters.Matches(identifier, array[i]))
                        {
                            Step(array, i, resolved, path, depth, context, create, visit);
                        }
                    }

                    return;
                }

                if (UpdatePath.IsPositional(part))
                {
                    Step(array, MatchedIndex(context), resolved, path, depth, context, create, visit);
                    return;
                }

                if (FieldPath.TryParseIndex(part, out var index))
                {
                    Step(array, index, resolved, path, depth, context, create, visit);
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

    private static void Step(BsonArray array, int index, string resolved, UpdatePath path, int depth, UpdateContext context, bool create, Action<UpdateSlot> visit)
    {
        var name = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (depth == path.Parts.Count - 1)
        {
            visit(new ArraySlot(array, index, Join(resolved, name)));
            return;
        }

        if (index >= array.Count)
        {
            if (!create)
            {
                return;
            }

            new ArraySlot(array, index, string.Empty).Set(new BsonDocument());
        }

        Walk(array[index], name, Join(resolved, name), path, depth + 1, context, create, visit);
    }

    private static int MatchedIndex(UpdateContext context) =>
        context.Details?.ArrayIndex ?? throw new QueryException(ErrorCodes.BadValue, "The positional operator did not find the match needed from the query.");

    private static QueryException CannotCreate(string part, string containerName, BsonValue container) =>
        new(ErrorCodes.PathNotViable, $"Cannot create field '{part}' in element {{{MongoText.Element(containerName, container)}}}");
}
