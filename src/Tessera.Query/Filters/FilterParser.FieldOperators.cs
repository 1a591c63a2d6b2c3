using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>The operators of one field and their arguments, with mongod's checks (expression_parser.cpp).</summary>
internal static partial class FilterParser
{
    /// <summary>The operators of one field ({$gt: 1, $lt: 5, $regex: …}).</summary>
    /// <param name="operators">The operator document.</param>
    /// <param name="path">The field, for messages ("" inside $elemMatch, as mongod).</param>
    internal static List<OperatorTerm> ParseOperators(BsonDocument operators, string path = "")
    {
        var terms = new List<OperatorTerm>();
        var regexDone = false;
        foreach (var element in operators)
        {
            var argument = element.Value;
            switch (element.Name)
            {
                case "$eq":
                    terms.Add(new LeafTerm(new EqualityPredicate(argument)));
                    break;
                case "$ne":
                    if (argument is BsonRegularExpression)
                    {
                        throw new QueryException(ErrorCodes.BadValue, "Can't have regex as arg to $ne.");
                    }

                    terms.Add(new NotTerm([new LeafTerm(new EqualityPredicate(argument))]));
                    break;
                case "$lt" or "$lte" or "$gt" or "$gte" when argument is BsonRegularExpression:
                    throw new QueryException(ErrorCodes.BadValue, $"Can't have RegEx as arg to predicate over field '{path}'.");
                case "$lt":
                    terms.Add(Compare(ComparisonOperator.LessThan, argument));
                    break;
                case "$lte":
                    terms.Add(Compare(ComparisonOperator.LessThanOrEqual, argument));
                    break;
                case "$gt":
                    terms.Add(Compare(ComparisonOperator.GreaterThan, argument));
                    break;
                case "$gte":
                    terms.Add(Compare(ComparisonOperator.GreaterThanOrEqual, argument));
                    break;
                case "$in":
                    terms.Add(new LeafTerm(ParseIn(argument, "$in")));
                    break;
                case "$nin":
                    terms.Add(new NotTerm([new LeafTerm(ParseIn(argument, "$nin"))]));
                    break;
                case "$exists":
                    var exists = new LeafTerm(new ExistsPredicate());
                    terms.Add(IsTruthy(argument) ? exists : new NotTerm([exists]));
                    break;
                case "$type":
                    terms.Add(new LeafTerm(TypeParser.Parse(argument)));
                    break;
                case "$size":
                    terms.Add(new LeafTerm(new SizePredicate(ParseSize(argument))));
                    break;
                case "$mod":
                    terms.Add(new LeafTerm(ParseMod(argument)));
                    break;
                case "$all":
                    terms.AddRange(ParseAll(argument));
                    break;
                case "$elemMatch":
                    terms.Add(new LeafTerm(ParseElemMatch(argument)));
                    break;
                case "$not":
                    terms.Add(ParseNot(argument, path));
                    break;
                case "$regex":
                case "$options":
                    if (!regexDone)
                    {
                        terms.Add(new LeafTerm(new RegexPredicate(ParseRegex(operators))));
                        regexDone = true;
                    }

                    break;
                case "$where":
                    throw new QueryException(ErrorCodes.BadValue, "$where cannot be applied to a field");
                default:
                    throw new QueryException(ErrorCodes.BadValue, $"unknown operator: {element.Name}");
            }
        }

        return terms;
    }

    private static LeafTerm Compare(ComparisonOperator op, BsonValue argument)
    {
        if (argument.IsBsonUndefined)
        {
            throw new QueryException(ErrorCodes.BadValue, "cannot compare to undefined");
        }

        return new LeafTerm(new ComparisonPredicate(op, argument));
    }

    /// <summary>mongod's trueValue: false, 0, null and undefined are false; everything else is true.</summary>
    private static bool IsTruthy(BsonValue value) => value.BsonType switch
    {
        BsonType.Boolean => value.AsBoolean,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal128 => Numbers.ToDouble(value) != 0,
        BsonType.Null or BsonType.Undefined => false,
        _ => true,
    };

    private static InPredicate ParseIn(BsonValue argument, string name)
    {
        if (argument is not BsonArray array)
        {
            throw new QueryException(ErrorCodes.BadValue, $"{name} needs an array");
        }

        var values = new List<BsonValue>();
        var regexes = new List<RegexPredicate>();
        foreach (var item in array)
        {
            switch (item)
            {
                case BsonRegularExpression regex:
                    regexes.Add(new RegexPredicate(regex));
                    break;
                case BsonDocument document when IsOperatorDocument(document):
                    throw new QueryException(ErrorCodes.BadValue, "cannot nest $ under $in");
                case BsonUndefined:
                    throw new QueryException(ErrorCodes.BadValue, "InMatchExpression equality cannot be undefined");
                default:
                    values.Add(item);
                    break;
            }
        }

        return new InPredicate(values, regexes);
    }

    /// <summary>mongod's rules: int32, an int64 that fits, or a whole double; decimals are not accepted.</summary>
    private static int ParseSize(BsonValue argument)
    {
        int size;
        switch (argument)
        {
            case BsonInt32 int32:
                size = int32.Value;
                break;
            case BsonInt64 int64:
                size = Numbers.FitsInt32(int64.Value)
                    ? (int)int64.Value
                    : throw new QueryException(ErrorCodes.BadValue, "$size must be representable as a 32-bit integer");
                break;
            case BsonDouble number:
                size = number.Value == Math.Floor(number.Value) && number.Value is >= int.MinValue and <= int.MaxValue
                    ? (int)number.Value
                    : throw new QueryException(ErrorCodes.BadValue, "$size must be a whole number");
                break;
            default:
                throw new QueryException(ErrorCodes.BadValue, "$size needs a number");
        }

        return size >= 0 ? size : throw new QueryException(ErrorCodes.BadValue, "$size may not be negative");
    }

    private static ModPredicate ParseMod(BsonValue argument)
    {
        if (argument is not BsonArray array)
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, needs to be an array");
        }

        // mongod's order of checks: each element as it is reached.
        if (array.Count == 0)
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, not enough elements");
        }

        if (!Numbers.IsNumber(array[0]))
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, divisor not a number");
        }

        if (array.Count < 2)
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, not enough elements");
        }

        if (!Numbers.IsNumber(array[1]))
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, remainder not a number");
        }

        if (array.Count > 2)
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, too many elements");
        }

        if (!Numbers.TryTruncateToLong(array[0], out var divisor))
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, divisor value is invalid :: caused by :: Unable to coerce NaN/Inf to integral type");
        }

        if (!Numbers.TryTruncateToLong(array[1], out var remainder))
        {
            throw new QueryException(ErrorCodes.BadValue, "malformed mod, remainder value is invalid :: caused by :: Unable to coerce NaN/Inf to integral type");
        }

        if (divisor == 0)
        {
            throw new QueryException(ErrorCodes.BadValue, "divisor cannot be 0");
        }

        return new ModPredicate(divisor, remainder);
    }

    private static List<OperatorTerm> ParseAll(BsonValue argument)
    {
        if (argument is not BsonArray array)
        {
            throw new QueryException(ErrorCodes.BadValue, "$all needs an array");
        }

        if (array.Count == 0)
        {
            return [new LeafTerm(new NeverPredicate())];
        }

        var terms = new List<OperatorTerm>();
        var elemMatchForm = IsElemMatchDocument(array[0]);
        foreach (var item in array)
        {
            if (elemMatchForm)
            {
                if (!IsElemMatchDocument(item))
                {
                    throw new QueryException(ErrorCodes.BadValue, "$all/$elemMatch has to be consistent");
                }

                terms.Add(new LeafTerm(ParseElemMatch(item.AsBsonDocument[0])));
                continue;
            }

            terms.Add(item switch
            {
                BsonRegularExpression regex => new LeafTerm(new RegexPredicate(regex)),
                BsonDocument { ElementCount: > 0 } document when IsPathAcceptingOperator(document.GetElement(0).Name) => throw new QueryException(ErrorCodes.BadValue, "no $ expressions in $all"),
                _ => new LeafTerm(new EqualityPredicate(item)),
            });
        }

        return terms;
    }

    private static bool IsElemMatchDocument(BsonValue value) =>
        value is BsonDocument document && document.ElementCount > 0 && document.GetElement(0).Name == "$elemMatch";

    private static ValuePredicate ParseElemMatch(BsonValue argument)
    {
        if (argument is not BsonDocument query)
        {
            throw new QueryException(ErrorCodes.BadValue, "$elemMatch needs an Object");
        }

        // mongod's rule: operators that apply to the element itself unless the first one is a logical
        // operator of a query ($and, $or, $nor, $expr…), which make it a query on element documents.
        var isValueForm = IsOperatorDocument(query) && query.GetElement(0).Name is not ("$and" or "$or" or "$nor" or "$expr" or "$comment");
        return isValueForm
            ? new ElemMatchValuePredicate(OperatorTerm.AllOnValue(ParseOperators(query)))
            : new ElemMatchDocumentPredicate(ParseDocument(query, isSubDocument: true));
    }

    private static NotTerm ParseNot(BsonValue argument, string path)
    {
        switch (argument)
        {
            case BsonRegularExpression regex:
                return new NotTerm([new LeafTerm(new RegexPredicate(regex))]);
            case BsonDocument { ElementCount: 0 }:
                throw new QueryException(ErrorCodes.BadValue, "$not cannot be empty");
            case BsonDocument operators:
                return new NotTerm(ParseOperators(operators, path));
            default:
                throw new QueryException(ErrorCodes.BadValue, "$not needs a regex or a document");
        }
    }

    /// <summary>
    /// $regex with $options, read in document order as mongod's parseRegexDocument: options given twice
    /// (flags on a /re/ value and $options) are error 51074 or 51075 depending on which came first.
    /// </summary>
    private static BsonRegularExpression ParseRegex(BsonDocument operators)
    {
        if (!operators.Contains("$regex"))
        {
            throw new QueryException(ErrorCodes.BadValue, "$options needs a $regex");
        }

        string pattern = string.Empty;
        string options = string.Empty;
        foreach (var element in operators)
        {
            switch (element.Name)
            {
                case "$regex":
                    switch (element.Value)
                    {
                        case BsonString text:
                            pattern = text.Value;
                            break;
                        case BsonRegularExpression regex:
                            pattern = regex.Pattern;
                            if (regex.Options.Length > 0)
                            {
                                if (options.Length > 0)
                                {
                                    throw new QueryException(51074, "options set in both $regex and $options");
                                }

                                options = regex.Options;
                            }

                            break;
                        default:
                            throw new QueryException(ErrorCodes.BadValue, "$regex has to be a string");
                    }

                    break;
                case "$options":
                    if (element.Value is not BsonString text2)
                    {
                        throw new QueryException(ErrorCodes.BadValue, "$options has to be a string");
                    }

                    if (options.Length > 0)
                    {
                        throw new QueryException(51075, "options set in both $regex and $options");
                    }

                    options = text2.Value;
                    break;
            }
        }

        return new BsonRegularExpression(pattern, options);
    }

    /// <summary>mongod's parsePathAcceptingKeyword: the operators that apply to a field's value.</summary>
    internal static bool IsPathAcceptingOperator(string name) => name is "$eq" or "$ne" or "$gt" or "$gte" or "$lt" or "$lte"
        or "$in" or "$nin" or "$exists" or "$type" or "$size" or "$mod" or "$all" or "$elemMatch" or "$regex" or "$options"
        or "$near" or "$nearSphere" or "$geoNear" or "$within" or "$geoWithin" or "$geoIntersects"
        or "$bitsAllSet" or "$bitsAllClear" or "$bitsAnySet" or "$bitsAnyClear";
}
