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

            if (codes.Count == 0)
            {
                throw new QueryException(ErrorCodes.FailedToParse, "$type must match at least one type");
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
            // mongod's MatcherTypeAlias::parse: a non-integral number becomes -1, which is MinKey's code.
            var number = Numbers.ToDouble(item);
            Numbers.TryTruncateToLong(item, out var truncated);
            var code = (int)Math.Clamp(truncated, int.MinValue, int.MaxValue);
            if (item.BsonType != BsonType.Int32 && code != number)
            {
                code = -1;
            }

            return BsonTypeAliases.IsValidCode(code)
                ? code
                : throw new QueryException(ErrorCodes.BadValue, $"Invalid numerical type code: {code.ToString(CultureInfo.InvariantCulture)}");
        }

        throw new QueryException(ErrorCodes.TypeMismatch, "type must be represented as a number or a string");
    }
}
