using MongoDB.Bson;
using Tessera.Query.Expressions;

namespace Tessera.Server.Commands;

/// <summary>Typed optional fields of a command, with mongod's TypeMismatch message when the type is wrong.</summary>
internal static class CommandArguments
{
    public static BsonDocument Document(CommandContext context, string field) =>
        Document(context.Command, context.Name, field);

    public static BsonDocument Document(BsonDocument container, string owner, string field)
    {
        if (!container.TryGetValue(field, out var value) || value.IsBsonNull)
        {
            return [];
        }

        return value as BsonDocument ?? throw new CommandException(ErrorCode.TypeMismatch,
            $"BSON field '{owner}.{field}' is the wrong type '{TypeNames.Of(value)}', expected type 'object'");
    }

    /// <summary>
    /// Refuses a collation other than the simple (binary) one: comparisons here are by code point, and a query or
    /// index asked to follow a locale must not silently return something else.
    /// </summary>
    public static void RefuseCollation(BsonDocument container)
    {
        if (container.TryGetValue("collation", out var collation) && !collation.IsBsonNull
            && !(collation is BsonDocument { ElementCount: 1 } simple && simple.GetValue("locale", BsonNull.Value) == "simple"))
        {
            throw new CommandException(ErrorCode.BadValue, "collations other than { locale: \"simple\" } are not supported by Tessera; remove the collation option");
        }
    }

    public static long? Number(BsonDocument container, string owner, string field)
    {
        if (!container.TryGetValue(field, out var value) || value.IsBsonNull)
        {
            return null;
        }

        return value.IsNumeric
            ? value.ToInt64()
            : throw new CommandException(ErrorCode.TypeMismatch,
                $"BSON field '{owner}.{field}' is the wrong type '{TypeNames.Of(value)}', expected types '[long, int, decimal, double]'");
    }

    public static BsonArray? Array(BsonDocument container, string owner, string field)
    {
        if (!container.TryGetValue(field, out var value) || value.IsBsonNull)
        {
            return null;
        }

        return value as BsonArray ?? throw new CommandException(ErrorCode.TypeMismatch,
            $"BSON field '{owner}.{field}' is the wrong type '{TypeNames.Of(value)}', expected type 'array'");
    }
}
