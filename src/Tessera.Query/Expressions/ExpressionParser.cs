using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>
/// Parses aggregation expressions: "$path" and "$$variable.path" strings, {$operator: args} documents,
/// documents and arrays of expressions, and literals.
/// </summary>
public static class ExpressionParser
{
    public static Expression Parse(BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            BsonString text when text.Value.StartsWith('$') => ParseFieldPath(text.Value),
            BsonDocument document when document.ElementCount > 0 && document.GetElement(0).Name.StartsWith('$') => ParseOperator(document),
            BsonDocument document => ParseDocument(document),
            BsonArray array => new ArrayExpression(array.Select(Parse).ToList()),
            _ => new LiteralExpression(value),
        };
    }

    /// <summary>{a: expr, b: {c: expr}}: every field is an expression (nested documents are nested expressions).</summary>
    internal static DocumentExpression ParseDocument(BsonDocument document)
    {
        var fields = new List<KeyValuePair<string, Expression>>();
        foreach (var element in document)
        {
            if (element.Name.StartsWith('$'))
            {
                throw new QueryException(16410, $"FieldPath field names may not start with '$'. Consider using $getField or $setField.");
            }

            fields.Add(new(element.Name, Parse(element.Value)));
        }

        return new DocumentExpression(fields);
    }

    internal static FieldPathExpression ParseFieldPath(string text)
    {
        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            var parts = text[2..].Split('.');
            if (parts[0].Length == 0)
            {
                throw new QueryException(16869, "empty variable names are not allowed");
            }

            return new FieldPathExpression(parts[0], parts[1..]);
        }

        if (text.Length == 1)
        {
            throw new QueryException(16872, "'$' by itself is not a valid FieldPath");
        }

        var path = text[1..].Split('.');
        if (path.Any(part => part.Length == 0))
        {
            throw new QueryException(15998, "FieldPath field names may not be empty strings.");
        }

        return new FieldPathExpression(null, path);
    }

    private static Expression ParseOperator(BsonDocument document)
    {
        if (document.ElementCount != 1)
        {
            throw new QueryException(15983,
                $"an expression specification must contain exactly one field, the name of the expression. Found {document.ElementCount} fields in {document.ToJson()}");
        }

        var element = document.GetElement(0);
        if (element.Name == "$literal")
        {
            return new LiteralExpression(element.Value);
        }

        if (!ExpressionOperators.TryGet(element.Name, out var definition))
        {
            throw new QueryException(ErrorCodes.InvalidPipelineOperator, $"Unrecognized expression '{element.Name}'");
        }

        return definition.Create(element.Value);
    }

    /// <summary>An operator's arguments: an array is the argument list, anything else is the only argument.</summary>
    internal static List<Expression> ParseArguments(BsonValue value) =>
        value is BsonArray array ? array.Select(Parse).ToList() : [Parse(value)];
}
