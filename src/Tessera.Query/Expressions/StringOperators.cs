using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>$concat $toUpper $toLower $strLenCP $substrCP.</summary>
internal static class StringOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        ExpressionOperators.Add(table, "$concat", 0, int.MaxValue, (_, a) => Concat(a));
        ExpressionOperators.Add(table, "$toUpper", 1, 1, (_, a) => new BsonString(ChangeAsciiCase(AsCaseInput(a[0]), upper: true)));
        ExpressionOperators.Add(table, "$toLower", 1, 1, (_, a) => new BsonString(ChangeAsciiCase(AsCaseInput(a[0]), upper: false)));
        ExpressionOperators.Add(table, "$strLenCP", 1, 1, (_, a) => a[0] is BsonString text
            ? new BsonInt32(text.Value.EnumerateRunes().Count())
            : throw new QueryException(34471, $"$strLenCP requires a string argument, found: {TypeNames.Of(a[0])}"));
        ExpressionOperators.Add(table, "$split", 2, 2, (_, a) => Split(a[0], a[1]));
        ExpressionOperators.Add(table, "$substrCP", 3, 3, (_, a) => SubstringByCodePoints(a));
        ExpressionOperators.Add(table, "$toString", 1, 1, (_, a) => ToText(a[0]));
    }

    private static BsonValue Split(BsonValue? text, BsonValue? separator)
    {
        if (ExpressionValues.IsNullish(text))
        {
            return BsonNull.Value;
        }

        if (text is not BsonString input)
        {
            throw new QueryException(40085, $"$split requires an expression that evaluates to a string as a first argument, found: {TypeNames.Of(text)}");
        }

        if (separator is not BsonString delimiter)
        {
            throw new QueryException(40086, $"$split requires an expression that evaluates to a string as a second argument, found: {TypeNames.Of(separator)}");
        }

        if (delimiter.Value.Length == 0)
        {
            throw new QueryException(40087, "$split requires a non-empty separator");
        }

        return new BsonArray(input.Value.Split(delimiter.Value).Select(part => new BsonString(part)));
    }

    private static BsonValue SubstringByCodePoints(IReadOnlyList<BsonValue?> arguments)
    {
        var text = AsCaseInput(arguments[0]);
        if (!Numbers.IsNumber(arguments[1]) || !Numbers.IsNumber(arguments[2]))
        {
            throw new QueryException(34450, $"$substrCP: starting index must be a numeric type (is BSON type {TypeNames.Of(arguments[1])})");
        }

        var start = Numbers.ToDouble(arguments[1]!);
        var length = Numbers.ToDouble(arguments[2]!);
        if (start < 0 || start != Math.Floor(start))
        {
            throw new QueryException(34455, "$substrCP: starting index must be non-negative integer");
        }

        if (length < 0 || length != Math.Floor(length))
        {
            throw new QueryException(34454, "$substrCP: length must be a nonnegative integer.");
        }

        var runes = text.EnumerateRunes().ToList();
        var from = (int)Math.Min(start, runes.Count);
        var count = (int)Math.Min(length, runes.Count - from);
        return new BsonString(string.Concat(runes.Skip(from).Take(count).Select(rune => rune.ToString())));
    }

    /// <summary>$toString: null for null and missing, mongod's text of numbers, ObjectIds, booleans and dates.</summary>
    private static BsonValue ToText(BsonValue? value) => value switch
    {
        null or BsonNull or BsonUndefined => BsonNull.Value,
        BsonString => value,
        BsonObjectId id => new BsonString(id.Value.ToString()),
        BsonBoolean boolean => new BsonString(boolean.Value ? "true" : "false"),
        BsonDateTime date => new BsonString(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128 => new BsonString(AsCaseInput(value)),
        _ => throw new QueryException(ErrorCodes.ConversionFailure, $"Unsupported conversion from {TypeNames.Of(value)} to string in $convert with no onError value"),
    };

    private static BsonValue Concat(IReadOnlyList<BsonValue?> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (ExpressionValues.IsNullish(argument))
            {
                return BsonNull.Value;
            }

            if (argument is not BsonString text)
            {
                throw new QueryException(16702, $"$concat only supports strings, not {TypeNames.Of(argument)}");
            }

            builder.Append(text.Value);
        }

        return new BsonString(builder.ToString());
    }

    /// <summary>mongod's coerceToString for $toUpper/$toLower: null and missing become "", numbers their text.</summary>
    private static string AsCaseInput(BsonValue? value) => value switch
    {
        null or BsonNull or BsonUndefined => string.Empty,
        BsonString text => text.Value,
        BsonSymbol symbol => symbol.Name,
        BsonInt32 or BsonInt64 => value.ToInt64().ToString(CultureInfo.InvariantCulture),
        BsonDouble d => d.Value.ToString("R", CultureInfo.InvariantCulture),
        BsonDecimal128 d => d.Value.ToString(),
        _ => throw new QueryException(16007, $"can't convert from BSON type {TypeNames.Of(value)} to String"),
    };

    // mongod changes the case of ASCII letters only.
    private static string ChangeAsciiCase(string text, bool upper) => string.Create(text.Length, (text, upper), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = state.text[i];
            span[i] = state.upper
                ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c)
                : (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }
    });
}
