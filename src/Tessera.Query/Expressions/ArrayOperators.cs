using MongoDB.Bson;
using Tessera.Query.Comparison;

namespace Tessera.Query.Expressions;

/// <summary>$size $in $arrayElemAt $isArray $concatArrays $first $last $type.</summary>
internal static class ArrayOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        ExpressionOperators.Add(table, "$size", 1, 1, (_, a) => a[0] is BsonArray array
            ? new BsonInt32(array.Count)
            : throw new QueryException(17124, $"The argument to $size must be an array. Type of argument is {TypeNames.Of(a[0])}"));
        ExpressionOperators.Add(table, "$in", 2, 2, (_, a) => a[1] is BsonArray array
            ? array.Any(item => BsonValueComparer.Instance.Equals(item, a[0] ?? BsonUndefined.Value))
            : throw new QueryException(40081, $"$in requires an array as a second argument, found: {TypeNames.Of(a[1])}"));
        ExpressionOperators.Add(table, "$isArray", 1, 1, (_, a) => a[0] is BsonArray);
        ExpressionOperators.Add(table, "$arrayElemAt", 2, 2, (_, a) => ArrayElemAt(a[0], a[1]));
        ExpressionOperators.Add(table, "$first", 1, 1, (_, a) => Edge("$first", a[0], first: true));
        ExpressionOperators.Add(table, "$last", 1, 1, (_, a) => Edge("$last", a[0], first: false));
        ExpressionOperators.Add(table, "$concatArrays", 0, int.MaxValue, (_, a) => ConcatArrays(a));
        ExpressionOperators.Add(table, "$type", 1, 1, (_, a) => new BsonString(TypeNames.Of(a[0])));
        ExpressionOperators.Add(table, "$slice", 2, 3, (_, a) => Slice(a));
    }

    private static BsonValue Slice(IReadOnlyList<BsonValue?> arguments)
    {
        if (arguments.Any(ExpressionValues.IsNullish))
        {
            return BsonNull.Value;
        }

        if (arguments[0] is not BsonArray array)
        {
            throw new QueryException(28724, $"First argument to $slice must be an array, but is of type: {TypeNames.Of(arguments[0])}");
        }

        var second = WholeNumber(arguments[1], 28725, "Second");
        int start, count;
        if (arguments.Count == 2)
        {
            (start, count) = second >= 0 ? (0, (int)Math.Min(second, array.Count)) : ((int)Math.Max(0, array.Count + second), (int)Math.Min(-second, array.Count));
        }
        else
        {
            var third = WholeNumber(arguments[2], 28727, "Third");
            if (third <= 0)
            {
                throw new QueryException(28729, $"Third argument to $slice must be positive: {third}");
            }

            start = second >= 0 ? (int)Math.Min(second, array.Count) : (int)Math.Max(0, array.Count + second);
            count = (int)Math.Min(third, array.Count - start);
        }

        return new BsonArray(array.Skip(start).Take(count));
    }

    private static long WholeNumber(BsonValue? value, int code, string position)
    {
        if (!Numbers.IsNumber(value) || !Numbers.TryTruncateToLong(value!, out var number) || number != Numbers.ToDouble(value!))
        {
            throw new QueryException(code, $"{position} argument to $slice must be numeric, but is of type: {TypeNames.Of(value)}");
        }

        return number;
    }

    private static BsonValue? ArrayElemAt(BsonValue? array, BsonValue? index)
    {
        if (ExpressionValues.IsNullish(array) || ExpressionValues.IsNullish(index))
        {
            return BsonNull.Value;
        }

        if (array is not BsonArray items)
        {
            throw new QueryException(28689, $"$arrayElemAt's first argument must be an array, but is {TypeNames.Of(array)}");
        }

        if (!Numbers.IsNumber(index) || Numbers.ToDouble(index!) != Math.Floor(Numbers.ToDouble(index!)))
        {
            throw new QueryException(28690, $"$arrayElemAt's second argument must be a numeric value, but is {TypeNames.Of(index)}");
        }

        var position = (long)Numbers.ToDouble(index!);
        if (position < 0)
        {
            position += items.Count;
        }

        // Out of range is missing, not null.
        return position >= 0 && position < items.Count ? items[(int)position] : null;
    }

    private static BsonValue? Edge(string name, BsonValue? value, bool first)
    {
        if (ExpressionValues.IsNullish(value))
        {
            return BsonNull.Value;
        }

        if (value is not BsonArray items)
        {
            throw new QueryException(28689, $"{name}'s argument must be an array, but is {TypeNames.Of(value)}");
        }

        return items.Count == 0 ? null : first ? items[0] : items[^1];
    }

    private static BsonValue ConcatArrays(IReadOnlyList<BsonValue?> arguments)
    {
        var result = new BsonArray();
        foreach (var argument in arguments)
        {
            if (ExpressionValues.IsNullish(argument))
            {
                return BsonNull.Value;
            }

            result.AddRange(argument as BsonArray
                ?? throw new QueryException(28664, $"$concatArrays only supports arrays, not {TypeNames.Of(argument)}"));
        }

        return result;
    }
}
