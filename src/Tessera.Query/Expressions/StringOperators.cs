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
    }

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
