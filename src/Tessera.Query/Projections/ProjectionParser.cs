using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Filters;
using Tessera.Query.Paths;

namespace Tessera.Query.Projections;

/// <summary>
/// Parses a projection with mongod's rules (projection_parser.cpp): the first inclusion or exclusion fixes
/// the kind, _id may go either way, expressions make an inclusion, and find's $slice, $elemMatch and
/// positional "$" follow their own rules. <paramref name="findFeatures"/> is false for aggregation's $project.
/// </summary>
internal sealed class ProjectionParser(bool findFeatures, BsonDocument? query)
{
    private bool _idSpecified;
    private bool _idIncluded;
    private bool _idExcluded;
    private bool _hasPositional;
    private bool _hasElemMatch;
    private bool _hasFindSlice;
    private bool? _isInclusion;

    public (PathProjectionNode Root, bool IsInclusion) Parse(BsonDocument specification)
    {
        var root = new PathProjectionNode();
        foreach (var element in specification)
        {
            _idSpecified |= element.Name == "_id" || element.Name.StartsWith("_id.", StringComparison.Ordinal);
            ParseElement(element, null, root);
        }

        var isInclusion = _isInclusion ?? DefaultKind();
        if (!_idSpecified && isInclusion)
        {
            root.Children.Add(new("_id", new BooleanProjectionNode(true)));
        }

        if (!isInclusion && _idIncluded)
        {
            root.Remove("_id");
        }

        return (root, isInclusion);
    }

    /// <summary>mongod's computeProjectionType for projections with only _id and find operators.</summary>
    private bool DefaultKind()
    {
        if (_hasFindSlice)
        {
            return _idIncluded;
        }

        return _hasElemMatch || (_idIncluded && !_idExcluded);
    }

    private void ParseElement(BsonElement element, string? parentPath, PathProjectionNode parent)
    {
        var positional = PositionalStart(element.Name);
        if (positional is not null && !findFeatures)
        {
            throw new QueryException(31324, "Cannot use positional projection in aggregation projection");
        }

        switch (element.Value)
        {
            case BsonDocument subObject:
                if (positional is not null)
                {
                    throw new QueryException(31271, "positional projection cannot be used with an expression or sub object");
                }

                ParseSubObject(element.Name, parentPath, subObject, parent);
                break;
            case BsonBoolean or BsonInt32 or BsonInt64 or BsonDouble or BsonDecimal128:
                if (IsTrue(element.Value))
                {
                    ParseInclusion(element, parentPath, parent, positional);
                }
                else
                {
                    ParseExclusion(element, parentPath, parent);
                }

                break;
            default:
                if (positional is not null)
                {
                    throw new QueryException(31308, "positional projection cannot be used with a literal");
                }

                AddAtPath(parent, element.Name, new ExpressionProjectionNode(ExpressionParser.Parse(element.Value)));
                MarkInclusion(31310, $"Cannot use an expression {MongoText.Element(element.Name, element.Value)} in an exclusion projection");
                break;
        }
    }

    private static bool IsTrue(BsonValue value) => value is BsonBoolean b ? b.Value : Numbers.ToDouble(value) != 0;

    private void ParseSubObject(string name, string? parentPath, BsonDocument subObject, PathProjectionNode parent)
    {
        if (subObject.ElementCount == 1 && subObject.GetElement(0).Name.StartsWith('$'))
        {
            var operatorName = subObject.GetElement(0).Name;
            if (findFeatures && operatorName == "$slice")
            {
                try
                {
                    ParseFindSlice(name, subObject[0], parent);
                }
                catch (QueryException findError)
                {
                    // mongod tries find's form first and then the aggregation expression ({$slice: ["$a", 2]}).
                    Expression expression;
                    try
                    {
                        expression = ExpressionParser.Parse(subObject);
                    }
                    catch (QueryException expressionError)
                    {
                        throw new QueryException(expressionError.Code,
                            $"Invalid $slice syntax. The given syntax {MongoText.Format(subObject)} did not match the find() syntax because :: {findError.CodeName}: {findError.Message} :: The given syntax did not match the expression $slice syntax. :: caused by :: {expressionError.Message}");
                    }

                    MarkInclusion(31252, "Cannot use expression other than $meta in exclusion projection");
                    AddAtPath(parent, name, new ExpressionProjectionNode(expression));
                }

                return;
            }

            if (operatorName == "$elemMatch")
            {
                ParseElemMatch(name, parentPath, subObject[0], parent);
                return;
            }

            if (operatorName == "$meta")
            {
                throw new QueryException(ErrorCodes.BadValue, "$meta projections are not supported");
            }

            if (operatorName == "$literal" || ExpressionOperators.TryGet(operatorName, out _))
            {
                MarkInclusion(31252, "Cannot use expression other than $meta in exclusion projection");
                AddAtPath(parent, name, new ExpressionProjectionNode(ExpressionParser.Parse(subObject)));
                return;
            }

            throw new QueryException(31325, $"Unknown expression {operatorName}");
        }

        if (subObject.ElementCount == 0)
        {
            throw new QueryException(51270, $"Invalid empty sub-projection: {name}");
        }

        // A sub-projection: {a: {b: 1}} is {"a.b": 1}.
        var level = new PathProjectionNode();
        if (parent.Find(name) is not null)
        {
            throw new QueryException(31250, $"Path collision at {name}");
        }

        parent.Children.Add(new(name, level));
        var fullPath = parentPath is null ? name : parentPath + "." + name;
        foreach (var element in subObject)
        {
            ParseElement(element, fullPath, level);
        }
    }

    private void ParseFindSlice(string name, BsonValue argument, PathProjectionNode parent)
    {
        if (Numbers.IsNumber(argument))
        {
            AddAtPath(parent, name, new SliceProjectionNode(null, ToInt(argument)));
        }
        else if (argument is BsonArray array)
        {
            if (array.Count != 2)
            {
                throw new QueryException(31272, "$slice array argument should be of form [skip, limit]");
            }

            if (!Numbers.IsNumber(array[0]))
            {
                throw new QueryException(31257, $"$slice expects the skip argument to be a number, got {TypeName(array[0])}");
            }

            if (!Numbers.IsNumber(array[1]))
            {
                throw new QueryException(31258, $"$slice expects the limit argument to be a number, got {TypeName(array[1])}");
            }

            var limit = ToInt(array[1]);
            if (limit <= 0)
            {
                throw new QueryException(31259, $"$slice limit must be positive, got {limit}");
            }

            AddAtPath(parent, name, new SliceProjectionNode(ToInt(array[0]), limit));
        }
        else
        {
            throw new QueryException(31273, "$slice only supports numbers and [skip, limit] arrays");
        }

        _hasFindSlice = true;
    }

    // mongod streams the BSON type, which prints as its name ("array", "string").
    private static string TypeName(BsonValue value) => BsonTypeAliases.NameOf(value.BsonType);

    /// <summary>mongod's numberInt: truncation, saturating at the int range (infinities too); NaN is 0.</summary>
    private static int ToInt(BsonValue number)
    {
        var asDouble = Numbers.ToDouble(number);
        if (double.IsInfinity(asDouble))
        {
            return asDouble > 0 ? int.MaxValue : int.MinValue;
        }

        Numbers.TryTruncateToLong(number, out var value);
        return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
    }

    private void ParseElemMatch(string name, string? parentPath, BsonValue argument, PathProjectionNode parent)
    {
        if (!findFeatures)
        {
            throw new QueryException(ErrorCodes.InvalidPipelineOperator, "Cannot use $elemMatch in this context");
        }

        if (argument is not BsonDocument query)
        {
            throw new QueryException(31274, $"elemMatch: Invalid argument, object required, but got {TypeName(argument)}");
        }

        if (_hasPositional)
        {
            throw new QueryException(31255, "Cannot specify positional operator and $elemMatch.");
        }

        if (name.Contains('.', StringComparison.Ordinal) || parentPath is not null)
        {
            throw new QueryException(31275, "Cannot use $elemMatch projection on a nested field.");
        }

        var filter = Filter.Parse(new BsonDocument(name, new BsonDocument("$elemMatch", query)));
        AddAtPath(parent, name, new ElemMatchProjectionNode(name, filter));
        _hasElemMatch = true;
    }

    private void ParseInclusion(BsonElement element, string? parentPath, PathProjectionNode parent, int? positional)
    {
        var isTopLevelId = element.Name == "_id" && parentPath is null;
        if (positional is not int start)
        {
            AddAtPath(parent, element.Name, new BooleanProjectionNode(true));
            if (isTopLevelId)
            {
                _idIncluded = true;
            }
        }
        else
        {
            if (_hasPositional)
            {
                throw new QueryException(31276, "Cannot specify more than one positional projection per query.");
            }

            if (_hasElemMatch)
            {
                throw new QueryException(31256, "Cannot specify positional operator and $elemMatch.");
            }

            // Newer mongod no longer asks that the query mention the projected field (positional_projection.js).
            if (query is null)
            {
                throw new QueryException(51050, "Projections with a positional operator require a matcher");
            }

            if (element.Name.EndsWith(".$.", StringComparison.Ordinal))
            {
                throw new QueryException(31270, "Path cannot end with '.$.'");
            }

            var rest = element.Name[(start + 2)..];
            if (rest.Contains(".$", StringComparison.Ordinal) || rest == "$" || rest.StartsWith(".$", StringComparison.Ordinal))
            {
                throw new QueryException(31287, $"Cannot use positional operator twice: {element.Name}");
            }

            var path = element.Name[..start];
            if (path.Length == 0)
            {
                throw new QueryException(5392900, "FieldPath cannot be constructed with empty string");
            }

            AddAtPath(parent, path, new PositionalProjectionNode(), markPositional: true);
            _hasPositional = true;
        }

        if (!isTopLevelId)
        {
            MarkInclusion(31253, $"Cannot do inclusion on field {element.Name} in exclusion projection");
        }
    }

    private void ParseExclusion(BsonElement element, string? parentPath, PathProjectionNode parent)
    {
        AddAtPath(parent, element.Name, new BooleanProjectionNode(false));
        var isTopLevelId = element.Name == "_id" && parentPath is null;
        if (isTopLevelId)
        {
            _idExcluded = true;
            return;
        }

        if (_isInclusion == true)
        {
            throw new QueryException(31254, $"Cannot do exclusion on field {element.Name} in inclusion projection");
        }

        _isInclusion = false;
    }

    private void MarkInclusion(int code, string message)
    {
        if (_isInclusion == false)
        {
            throw new QueryException(code, message);
        }

        _isInclusion = true;
    }

    /// <summary>"a.$" or "a.$.b": where the first positional operator starts, or null.</summary>
    private static int? PositionalStart(string name)
    {
        var inner = name.IndexOf(".$.", StringComparison.Ordinal);
        if (inner >= 0)
        {
            return inner;
        }

        if (name.EndsWith(".$", StringComparison.Ordinal))
        {
            return name.Length - 2;
        }

        return name == "$" ? 0 : null;
    }

    /// <summary>mongod's addNodeAtPath, with its path-collision errors 31250 and 31249.</summary>
    private static void AddAtPath(PathProjectionNode root, string dotted, ProjectionNode node, bool markPositional = false)
    {
        if (dotted.Length == 0)
        {
            throw new QueryException(40352, "FieldPath cannot be constructed with empty string");
        }

        var parts = new FieldPath(dotted).Parts;
        if (parts.Any(part => part.Length == 0))
        {
            throw new QueryException(15998, "FieldPath field names may not be empty strings.");
        }

        var level = root;
        for (var i = 0; i < parts.Count; i++)
        {
            if (markPositional)
            {
                level.LeadsToPositional = true;
            }

            var existing = level.Find(parts[i]);
            if (i == parts.Count - 1)
            {
                if (existing is not null)
                {
                    throw new QueryException(31250, $"Path collision at {dotted}");
                }

                level.Children.Add(new(parts[i], node));
                return;
            }

            switch (existing)
            {
                case null:
                    var created = new PathProjectionNode();
                    level.Children.Add(new(parts[i], created));
                    level = created;
                    break;
                case PathProjectionNode path:
                    level = path;
                    break;
                default:
                    throw new QueryException(31249, $"Path collision at {dotted} remaining portion {string.Join('.', parts.Skip(i + 1))}");
            }
        }
    }
}
