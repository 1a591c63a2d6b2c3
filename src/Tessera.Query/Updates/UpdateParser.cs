using MongoDB.Bson;
using Tessera.Query.Filters;
using Tessera.Query.Sorting;
using Tessera.Query.Updates.Operations;

namespace Tessera.Query.Updates;

/// <summary>Parses an operator update document into operations, with mongod's checks and messages.</summary>
internal static class UpdateParser
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

            foreach (var field in fields)
            {
                var path = ParsePath(field.Name);
                operations.Add(ParseOperation(modifier.Name, path, field, clock));
            }
        }

        CheckConflicts(operations);
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
                if (!Numbers.IsNumber(argument) || Numbers.ToDouble(argument) is not (1 or -1))
                {
                    throw new QueryException(ErrorCodes.FailedToParse, $"$pop expects 1 or -1, found: {MongoText.Format(argument)}");
                }

                return new PopOperation(path, Numbers.ToDouble(argument) == -1);
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

    private static bool ParseCurrentDateType(BsonValue argument)
    {
        switch (argument)
        {
            case BsonBoolean:
                return false;
            case BsonDocument specification:
                if (specification.ElementCount == 1 && specification.GetElement(0).Name == "$type"
                    && specification[0] is BsonString { Value: "date" or "timestamp" } type)
                {
                    return type.Value == "timestamp";
                }

                throw new QueryException(ErrorCodes.BadValue,
                    "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}");
            default:
                throw new QueryException(ErrorCodes.BadValue,
                    $"{BsonTypeAliases.NameOf(argument.BsonType)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({{$type: 'timestamp/date'}}).");
        }
    }

    private static List<BsonValue> ParseEach(BsonValue argument, string modifier)
    {
        if (argument is BsonDocument document && document.Contains("$each"))
        {
            if (document["$each"] is not BsonArray each)
            {
                throw new QueryException(ErrorCodes.BadValue,
                    $"The argument to $each in {modifier} must be an array but it was of type {BsonTypeAliases.NameOf(document["$each"].BsonType)}");
            }

            if (modifier == "$addToSet" && document.ElementCount > 1)
            {
                throw new QueryException(ErrorCodes.BadValue, $"Found unexpected fields after $each in $addToSet: {MongoText.Format(document)}");
            }

            return [.. each];
        }

        return [argument];
    }

    private static PushOperation ParsePush(UpdatePath path, BsonValue argument)
    {
        if (argument is not BsonDocument document || !document.Contains("$each"))
        {
            return new PushOperation(path, [argument], null, null, null);
        }

        var items = ParseEach(argument, "$push");
        int? position = null, slice = null;
        PushSort? sort = null;
        foreach (var clause in document)
        {
            switch (clause.Name)
            {
                case "$each":
                    break;
                case "$position":
                    position = ParseInteger(clause.Value, $"The value for $position must be an integer value, not of type: {BsonTypeAliases.NameOf(clause.Value.BsonType)}");
                    break;
                case "$slice":
                    slice = ParseInteger(clause.Value, $"The value for $slice must be an integer value but was given type: {BsonTypeAliases.NameOf(clause.Value.BsonType)}");
                    break;
                case "$sort":
                    sort = ParsePushSort(clause.Value);
                    break;
                default:
                    throw new QueryException(ErrorCodes.BadValue, $"Unrecognized clause in $push: {clause.Name}");
            }
        }

        return new PushOperation(path, items, position, slice, sort);
    }

    private static int ParseInteger(BsonValue value, string message)
    {
        if (!Numbers.IsNumber(value) || Numbers.ToDouble(value) != Math.Floor(Numbers.ToDouble(value)))
        {
            throw new QueryException(ErrorCodes.BadValue, message);
        }

        return (int)Math.Clamp(Numbers.ToDouble(value), int.MinValue, int.MaxValue);
    }

    private static PushSort ParsePushSort(BsonValue value)
    {
        const string Invalid = "The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields";
        if (Numbers.IsNumber(value))
        {
            return Numbers.ToDouble(value) switch
            {
                1 => new PushSort(true, null),
                -1 => new PushSort(false, null),
                _ => throw new QueryException(ErrorCodes.BadValue, Invalid),
            };
        }

        if (value is not BsonDocument specification)
        {
            throw new QueryException(ErrorCodes.BadValue, Invalid);
        }

        if (specification.ElementCount == 0)
        {
            throw new QueryException(ErrorCodes.BadValue, "The $sort pattern is empty when it should be a set of fields.");
        }

        try
        {
            return new PushSort(null, SortSpec.Parse(specification));
        }
        catch (QueryException)
        {
            throw new QueryException(ErrorCodes.BadValue, Invalid);
        }
    }

    /// <summary>
    /// $pull's condition: operators ({$gte: 6}) test each element as a value; a plain document is a query on
    /// element documents; anything else is equality (a regex matches strings).
    /// </summary>
    private static Func<BsonValue, bool> PullCondition(BsonValue argument)
    {
        switch (argument)
        {
            case BsonDocument document when FilterParser.IsOperatorDocument(document) && FilterParser.IsPathAcceptingOperator(document.GetElement(0).Name):
                var predicate = OperatorTerm.AllOnValue(FilterParser.ParseOperators(document));
                return element => predicate.Matches(element, null);
            case BsonDocument query:
                var filter = Filter.Parse(query);
                return element => element is BsonDocument elementDocument && filter.Matches(elementDocument);
            case BsonRegularExpression regex:
                var regexPredicate = new RegexPredicate(regex);
                return element => regexPredicate.Matches(element, null);
            default:
                return element => Comparison.BsonValueComparer.Instance.Equals(element, argument);
        }
    }

    private static RenameOperation ParseRename(UpdatePath source, BsonElement field)
    {
        if (field.Value is not BsonString target)
        {
            throw new QueryException(ErrorCodes.BadValue, $"The 'to' field for $rename must be a string: {MongoText.Element(field.Name, field.Value)}");
        }

        var destination = ParsePath(target.Value);
        if (source.HasDynamicPart)
        {
            throw new QueryException(ErrorCodes.BadValue, $"The source field for $rename may not be dynamic: {source.Dotted}");
        }

        if (destination.HasDynamicPart)
        {
            throw new QueryException(ErrorCodes.BadValue, $"The destination field for $rename may not be dynamic: {destination.Dotted}");
        }

        if (source.Dotted == destination.Dotted)
        {
            throw new QueryException(ErrorCodes.BadValue, $"The source and target field for $rename must differ: {MongoText.Element(field.Name, field.Value)}");
        }

        if (IsPrefix(source, destination) || IsPrefix(destination, source))
        {
            throw new QueryException(ErrorCodes.BadValue, $"The source and target field for $rename must not be on the same path: {MongoText.Element(field.Name, field.Value)}");
        }

        return new RenameOperation(source, destination);
    }

    private static bool IsPrefix(UpdatePath shorter, UpdatePath longer) =>
        shorter.Parts.Count <= longer.Parts.Count && shorter.Parts.Select((part, i) => part == longer.Parts[i]).All(equal => equal);

    /// <summary>
    /// mongod refuses two operations on one path or on a path and a field inside it (code 40), and, where
    /// one path updates array elements with $[] or $[id], any other kind of child of that array.
    /// </summary>
    private static void CheckConflicts(List<UpdateOperation> operations)
    {
        var seen = new List<UpdatePath>();
        foreach (var path in operations.SelectMany(operation => operation.WrittenPaths))
        {
            foreach (var earlier in seen)
            {
                if (ConflictPrefix(earlier, path) is { } prefix)
                {
                    throw new QueryException(ErrorCodes.ConflictingUpdateOperators,
                        $"Updating the path '{path.Dotted}' would create a conflict at '{prefix}'");
                }
            }

            seen.Add(path);
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
