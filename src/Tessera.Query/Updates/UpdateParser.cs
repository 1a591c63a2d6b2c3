using MongoDB.Bson;
using Tessera.Query.Filters;
using Tessera.Query.Updates.Operations;

namespace Tessera.Query.Updates;

/// <summary>Parses an operator update document into operations, with mongod's checks and messages.</summary>
internal static partial class UpdateParser
{
    public static List<UpdateOperation> Parse(BsonDocument update, ArrayFilterSet arrayFilters, Func<DateTime> clock)
    {
        var operations = new List<UpdateOperation>();
        foreach (var modifier in update)
        {
            if (!modifier.Name.StartsWith('$') || !IsKnown(modifier.Name))
            {
                throw new QueryException(ErrorCodes.FailedToParse,
                    $"Unknown modifier: {modifier.Name}. Expected a valid update modifier or pipeline-style update specified as an array");
            }

            if (modifier.Value is not BsonDocument fields)
            {
                throw new QueryException(ErrorCodes.FailedToParse,
                    $"Modifiers operate on fields but we found type {BsonTypeAliases.NameOf(modifier.Value.BsonType)} instead. For example: {{$mod: {{<field>: ...}}}} not {{{MongoText.Element(modifier.Name, modifier.Value)}}}");
            }

            // mongod merges each field into its update tree as it reads it: path errors, then argument
            // errors, then a conflict with what came before, so the first offender in document order wins.
            foreach (var field in fields)
            {
                var path = ParsePath(field.Name);
                var operation = ParseOperation(modifier.Name, path, field, clock);
                CheckConflicts(operations, operation);
                operations.Add(operation);
            }
        }

        CheckArrayFilters(update, operations, arrayFilters);
        return operations;
    }

    private static bool IsKnown(string name) => name is "$set" or "$unset" or "$inc" or "$mul" or "$min" or "$max" or "$rename"
        or "$setOnInsert" or "$currentDate" or "$push" or "$addToSet" or "$pull" or "$pullAll" or "$pop" or "$bit";

    internal static UpdatePath ParsePath(string dotted)
    {
        if (dotted.Length == 0)
        {
            throw new QueryException(ErrorCodes.EmptyFieldName, "An empty update path is not valid.");
        }

        var path = new UpdatePath(dotted);
        if (path.Parts.Any(part => part.Length == 0))
        {
            throw new QueryException(ErrorCodes.EmptyFieldName, $"The update path '{dotted}' contains an empty field name, which is not allowed.");
        }

        if (path.Parts.Count(UpdatePath.IsPositional) > 1)
        {
            throw new QueryException(ErrorCodes.BadValue, $"Too many positional (i.e. '$') elements found in path '{dotted}'");
        }

        if (UpdatePath.IsPositional(path.Parts[0]))
        {
            throw new QueryException(ErrorCodes.BadValue, $"Cannot have positional (i.e. '$') element in the first position in path '{dotted}'");
        }

        return path;
    }

    private static UpdateOperation ParseOperation(string modifier, UpdatePath path, BsonElement field, Func<DateTime> clock)
    {
        var argument = field.Value;
        switch (modifier)
        {
            case "$set":
                return new SetOperation(modifier, path, argument, onInsertOnly: false);
            case "$setOnInsert":
                return new SetOperation(modifier, path, argument, onInsertOnly: true);
            case "$unset":
                return new UnsetOperation(path);
            case "$inc":
            case "$mul":
                if (!Numbers.IsNumber(argument))
                {
                    var verb = modifier == "$inc" ? "increment" : "multiply";
                    throw new QueryException(ErrorCodes.TypeMismatch, $"Cannot {verb} with non-numeric argument: {{{MongoText.Element(field.Name, argument)}}}");
                }

                return new ArithmeticOperation(modifier, path, argument);
            case "$min":
            case "$max":
                return new MinMaxOperation(modifier, path, argument);
            case "$currentDate":
                return new CurrentDateOperation(path, ParseCurrentDateType(argument), clock);
            case "$push":
                return ParsePush(path, argument);
            case "$addToSet":
                return new AddToSetOperation(path, ParseEach(argument, "$addToSet"));
            case "$pop":
                return new PopOperation(path, ParsePopDirection(field) == -1);
            case "$pull":
                return new PullOperation(modifier, path, PullCondition(argument));
            case "$pullAll":
                if (argument is not BsonArray values)
                {
                    throw new QueryException(ErrorCodes.BadValue, $"$pullAll requires an array argument but was given a {BsonTypeAliases.NameOf(argument.BsonType)}");
                }

                return new PullOperation(modifier, path, element => values.Any(value => Comparison.BsonValueComparer.Instance.Equals(value, element)));
            case "$bit":
                return BitOperation.Parse(path, field);
            default:
                return ParseRename(path, field);
        }
    }

    /// <summary>
    /// mongod refuses two operations on one path or on a path and a field inside it (code 40), and, where
    /// one path updates array elements with $[] or $[id], any other kind of child of that array.
    /// </summary>
    private static void CheckConflicts(List<UpdateOperation> earlierOperations, UpdateOperation operation)
    {
        var earlier = earlierOperations.SelectMany(op => op.WrittenPaths).ToList();
        foreach (var path in operation.WrittenPaths)
        {
            foreach (var claimed in earlier)
            {
                if (ConflictPrefix(claimed, path) is { } prefix)
                {
                    throw new QueryException(ErrorCodes.ConflictingUpdateOperators,
                        $"Updating the path '{path.Dotted}' would create a conflict at '{prefix}'");
                }
            }

            earlier.Add(path);
        }
    }

    private static string? ConflictPrefix(UpdatePath first, UpdatePath second)
    {
        var common = Math.Min(first.Parts.Count, second.Parts.Count);
        for (var i = 0; i < common; i++)
        {
            var left = first.Parts[i];
            var right = second.Parts[i];
            if (left == right)
            {
                continue;
            }

            var leftArrayUpdate = left.StartsWith("$[", StringComparison.Ordinal);
            var rightArrayUpdate = right.StartsWith("$[", StringComparison.Ordinal);
            return leftArrayUpdate != rightArrayUpdate ? string.Join('.', first.Parts.Take(i)) : null;
        }

        // One path is the other or lies inside it.
        return string.Join('.', first.Parts.Take(common));
    }

    private static void CheckArrayFilters(BsonDocument update, List<UpdateOperation> operations, ArrayFilterSet arrayFilters)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in operations.SelectMany(operation => operation.WrittenPaths))
        {
            foreach (var part in path.Parts)
            {
                if (UpdatePath.FilterIdentifier(part) is { } identifier)
                {
                    if (!arrayFilters.Contains(identifier))
                    {
                        throw new QueryException(ErrorCodes.BadValue, $"No array filter found for identifier '{identifier}' in path '{path.Dotted}'");
                    }

                    used.Add(identifier);
                }
            }
        }

        foreach (var identifier in arrayFilters.Identifiers)
        {
            if (!used.Contains(identifier))
            {
                throw new QueryException(ErrorCodes.FailedToParse,
                    $"The array filter for identifier '{identifier}' was not used in the update {MongoText.Format(update)}");
            }
        }
    }
}
