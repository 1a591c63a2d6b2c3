using System.Globalization;
using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>The argument of $type: a type number, an alias ("string", "number"…) or an array of them.</summary>
internal static class TypeParser
{
    public static TypePredicate Parse(BsonValue argument)
    {
        var codes = new HashSet<int>();
        if (argument is BsonArray array)
        {
            foreach (var item in array)
            {
                codes.Add(ParseOne(item));
            }
        }
        else
        {
            codes.Add(ParseOne(argument));
        }

        return new TypePredicate(codes);
    }

    /// <summary>One type given as a number or an alias; also used by the $type aggregation operator's callers.</summary>
    internal static int ParseOne(BsonValue item)
    {
        if (item is BsonString alias)
        {
            return BsonTypeAliases.TryGetCode(alias.Value, out var code)
                ? code
                : throw new QueryException(ErrorCodes.BadValue, $"Unknown type name alias: {alias.Value}");
        }

        if (Numbers.IsNumber(item))
        {
            var number = Numbers.ToDouble(item);
            if (number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue && BsonTypeAliases.IsValidCode((int)number))
            {
                return (int)number;
            }

            throw new QueryException(ErrorCodes.BadValue, $"Invalid numerical type code: {number.ToString(CultureInfo.InvariantCulture)}");
        }

        throw new QueryException(ErrorCodes.BadValue, "type must be represented as a number or a string");
    }
}
