using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Expressions;

/// <summary>mongod's type names in error messages ("string", "int", "object", …; "missing" for a missing value).</summary>
public static class TypeNames
{
    public static string Of(BsonValue? value) => value is null ? "missing" : BsonTypeAliases.NameOf(value.BsonType);
}
