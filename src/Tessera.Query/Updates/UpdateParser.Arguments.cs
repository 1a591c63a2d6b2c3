using MongoDB.Bson;
using Tessera.Query.Filters;
using Tessera.Query.Sorting;
using Tessera.Query.Updates.Operations;

namespace Tessera.Query.Updates;

/// <summary>The arguments of $currentDate, $push, $addToSet, $pull and $rename, with mongod's checks.</summary>
internal static partial class UpdateParser
{
    /// <summary>
    /// $pop's direction, read as mongod reads an integer argument (1.0 and NumberDecimal("1E+0") are 1)
    /// before the field is looked at; the message shows the integer it read.
    /// </summary>
    private static long ParsePopDirection(BsonElement field)
    {
        if (!Numbers.IsNumber(field.Value))
        {
            throw new QueryException(ErrorCodes.FailedToParse, $"Expected a number in: {MongoText.Element(field.Name, field.Value)}");
        }

        if (!Numbers.TryTruncateToLongInRange(field.Value, out var direction) || direction != Numbers.ToDouble(field.Value))
        {
            throw new QueryException(ErrorCodes.FailedToParse, $"Expected an integer: {MongoText.Element(field.Name, field.Value)}");
        }

        return direction is 1 or -1
            ? direction
            : throw new QueryException(ErrorCodes.FailedToParse, $"$pop expects 1 or -1, found: {direction}");
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
                // mongod's two nodes word and classify this differently.
                var type = BsonTypeAliases.NameOf(document["$each"].BsonType);
                throw modifier == "$push"
                    ? new QueryException(ErrorCodes.BadValue, $"The argument to $each in $push must be an array but it was of type: {type}")
                    : new QueryException(ErrorCodes.TypeMismatch, $"The argument to $each in $addToSet must be an array but it was of type {type}");
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
}
