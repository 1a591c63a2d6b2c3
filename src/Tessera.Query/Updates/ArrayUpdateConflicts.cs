namespace Tessera.Query.Updates;

/// <summary>
/// Conflicts that only the document reveals: two paths with array filters ("a.$[i].c" and "a.$[j].c")
/// that reach the same element. mongod checks this before changing anything and answers
/// "Update created a conflict at 'a.0.c'" (code 40), naming the place where the two updates meet
/// with the rest of the path as written.
/// </summary>
internal static class ArrayUpdateConflicts
{
    public static void Check(IReadOnlyList<UpdateOperation> operations, UpdateContext context)
    {
        var dynamic = operations.Where(op => op.Path.Parts.Any(part => part.StartsWith("$[", StringComparison.Ordinal))).ToList();
        if (dynamic.Count == 0)
        {
            return;
        }

        var reached = operations.Select(op => (Operation: op, Paths: UpdatePathResolver.ResolvedPaths(context, op.Path))).ToList();
        for (var i = 0; i < reached.Count; i++)
        {
            for (var j = i + 1; j < reached.Count; j++)
            {
                if (!dynamic.Contains(reached[i].Operation) && !dynamic.Contains(reached[j].Operation))
                {
                    continue;
                }

                foreach (var left in reached[i].Paths)
                {
                    foreach (var right in reached[j].Paths)
                    {
                        if (left == right || left.StartsWith(right + ".", StringComparison.Ordinal) || right.StartsWith(left + ".", StringComparison.Ordinal))
                        {
                            throw new QueryException(ErrorCodes.ConflictingUpdateOperators,
                                $"Update created a conflict at '{MeetingPoint(reached[i].Operation.Path, left, reached[j].Operation.Path, right)}'");
                        }
                    }
                }
            }
        }
    }

    /// <summary>The resolved prefix where both paths continue identically as written, else the shorter resolved path.</summary>
    private static string MeetingPoint(UpdatePath first, string firstResolved, UpdatePath second, string secondResolved)
    {
        var firstParts = firstResolved.Split('.');
        var secondParts = secondResolved.Split('.');
        var common = Math.Min(Math.Min(first.Parts.Count, second.Parts.Count), Math.Min(firstParts.Length, secondParts.Length));
        for (var k = 1; k <= common; k++)
        {
            if (firstParts.Take(k).SequenceEqual(secondParts.Take(k)) && first.Parts.Skip(k).SequenceEqual(second.Parts.Skip(k)))
            {
                return string.Join('.', firstParts.Take(k).Concat(first.Parts.Skip(k)));
            }
        }

        return firstResolved.Length <= secondResolved.Length ? firstResolved : secondResolved;
    }
}
