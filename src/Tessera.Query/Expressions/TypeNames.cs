using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Expressions;

/// <summary>mongod's type names in expression error messages ("missing" for a missing value).</summary>
internal static class TypeNames
{
    public static string Of(BsonValue? value) => value is null ? "missing" : BsonTypeAliases.NameOf(value.BsonType);
}
