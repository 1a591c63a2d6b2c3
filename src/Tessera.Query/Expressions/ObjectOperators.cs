using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>$mergeObjects: later documents' fields win; null and missing arguments are skipped.</summary>
internal static class ObjectOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table) =>
        ExpressionOperators.Add(table, "$mergeObjects", 0, int.MaxValue, (_, arguments) =>
        {
            var merged = new BsonDocument();
            foreach (var argument in arguments)
            {
                if (ExpressionValues.IsNullish(argument))
                {
                    continue;
                }

                if (argument is not BsonDocument document)
                {
                    throw new QueryException(40400, $"$mergeObjects requires object inputs, but input {MongoText.Format(argument!)} is of type {TypeNames.Of(argument)}");
                }

                foreach (var element in document)
                {
                    merged[element.Name] = element.Value;
                }
            }

            return merged;
        });
}
