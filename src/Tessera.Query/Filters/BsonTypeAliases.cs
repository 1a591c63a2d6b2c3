using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>The type names and numbers of $type, as mongod spells them.</summary>
internal static class BsonTypeAliases
{
    /// <summary>The pseudo type "number", which matches every numeric type.</summary>
    public const int NumberAlias = -2;

    private static readonly Dictionary<string, int> CodesByName = new(StringComparer.Ordinal)
    {
        ["double"] = 1,
        ["string"] = 2,
        ["object"] = 3,
        ["array"] = 4,
        ["binData"] = 5,
        ["undefined"] = 6,
        ["objectId"] = 7,
        ["bool"] = 8,
        ["date"] = 9,
        ["null"] = 10,
        ["regex"] = 11,
        ["dbPointer"] = 12,
        ["javascript"] = 13,
        ["symbol"] = 14,
        ["javascriptWithScope"] = 15,
        ["int"] = 16,
        ["timestamp"] = 17,
        ["long"] = 18,
        ["decimal"] = 19,
        ["minKey"] = -1,
        ["maxKey"] = 127,
        ["number"] = NumberAlias,
    };

    public static bool TryGetCode(string alias, out int code) => CodesByName.TryGetValue(alias, out code);

    public static bool IsValidCode(int code) => code is (>= 1 and <= 19) or (-1) or 127;

    public static int CodeOf(BsonType type) => type switch
    {
        BsonType.MinKey => -1,
        BsonType.MaxKey => 127,
        _ => (int)type,
    };

    /// <summary>mongod's name for a type code, as in "$type" results and error messages.</summary>
    public static string NameOf(BsonType type) =>
        CodesByName.First(pair => pair.Value == CodeOf(type)).Key;
}
