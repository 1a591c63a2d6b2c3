using MongoDB.Bson;
using Tessera.Query.Paths;

namespace Tessera.Query.Filters;

/// <summary>Parses a query document into match nodes, with mongod's error messages (BadValue unless noted).</summary>
internal static partial class FilterParser
{
    /// <param name="filter">The query document.</param>
    /// <param name="isSubDocument">True inside $elemMatch, where mongod refuses $expr.</param>
    public static MatchNode ParseDocument(BsonDocument filter, bool isSubDocument = false)
    {
        var nodes = new List<MatchNode>();
        foreach (var element in filter)
        {
            if (element.Name.StartsWith('$'))
            {
                ParseTopLevelOperator(element, nodes, isSubDocument);
            }
            else
            {
                nodes.Add(ParseField(new FieldPath(element.Name), element.Value));
            }
        }

        return nodes.Count == 1 ? nodes[0] : new AndNode(nodes);
    }

    private static void ParseTopLevelOperator(BsonElement element, List<MatchNode> nodes, bool isSubDocument)
    {
        switch (element.Name)
        {
            case "$and":
                nodes.Add(new AndNode(ParseList(element, isSubDocument)));
                break;
            case "$or":
                nodes.Add(new OrNode(ParseList(element, isSubDocument)));
                break;
            case "$nor":
                nodes.Add(new NorNode(ParseList(element, isSubDocument)));
                break;
            case "$comment":
                break;
            case "$expr":
                if (isSubDocument)
                {
                    throw new QueryException(ErrorCodes.BadValue, "$expr can only be applied to the top-level document");
                }

                nodes.Add(new ExprNode(Expressions.ExpressionParser.Parse(element.Value)));
                break;
            case "$ref":
            case "$id":
            case "$db":
                // A DBRef's fields are matched by equality, as mongod's parseDBRef does.
                nodes.Add(new PathNode(new FieldPath(element.Name), new EqualityPredicate(element.Value)));
                break;
            case "$alwaysTrue":
            case "$alwaysFalse":
                if (!Numbers.IsNumber(element.Value) || Numbers.ToDouble(element.Value) != 1)
                {
                    throw new QueryException(ErrorCodes.FailedToParse, $"{element.Name} must be an integer value of 1");
                }

                nodes.Add(new ConstantNode(element.Name == "$alwaysTrue"));
                break;
            case "$where":
                throw new QueryException(ErrorCodes.BadValue, "$where is not allowed in this context");
            case "$text":
                // What mongod answers without a text index; Tessera has no text indexes.
                throw new QueryException(ErrorCodes.IndexNotFound, "text index required for $text query");
            default:
                throw new QueryException(ErrorCodes.BadValue,
                    $"unknown top level operator: {element.Name}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.");
        }
    }

    private static List<MatchNode> ParseList(BsonElement element, bool isSubDocument)
    {
        if (element.Value is not BsonArray array)
        {
            throw new QueryException(ErrorCodes.BadValue, $"{element.Name} must be an array");
        }

        if (array.Count == 0)
        {
            throw new QueryException(ErrorCodes.BadValue, "$and/$or/$nor must be a nonempty array");
        }

        return array.Select(entry => entry is BsonDocument clause
            ? ParseDocument(clause, isSubDocument)
            : throw new QueryException(ErrorCodes.BadValue, "$or/$and/$nor entries need to be full objects")).ToList();
    }

    private static MatchNode ParseField(FieldPath path, BsonValue value) => value switch
    {
        BsonRegularExpression regex => new PathNode(path, new RegexPredicate(regex)),
        BsonDocument document when IsOperatorDocument(document) => OperatorTerm.AllOnPath(path, ParseOperators(document, path.Dotted)),
        _ => new PathNode(path, new EqualityPredicate(value)),
    };

    /// <summary>
    /// mongod's isExpressionDocument: the first field name starts with '$'. A DBRef ({$ref, $id, $db})
    /// is a value to compare with, not operators.
    /// </summary>
    internal static bool IsOperatorDocument(BsonDocument document) =>
        document.ElementCount > 0
        && document.GetElement(0).Name.StartsWith('$')
        && document.GetElement(0).Name is not ("$ref" or "$id" or "$db");
}
