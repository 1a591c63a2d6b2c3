using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace Tessera.Query;

/// <summary>
/// Values written as mongod writes them inside error messages ({ a: 1, b: "x" }, [ 1, 2 ], ObjectId('…')),
/// so that messages match mongod's byte for byte where clients or tests compare them. Messages that name
/// one element wrap it in braces without spaces ("{a: 5}"), as mongod builds them.
/// </summary>
internal static class MongoText
{
    public static string Format(BsonValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>An element as mongod prints it: name: value.</summary>
    public static string Element(string name, BsonValue value) => name + ": " + Format(value);

    private static void Append(StringBuilder builder, BsonValue value)
    {
        switch (value)
        {
            case BsonDocument { ElementCount: 0 }:
                builder.Append("{}");
                break;
            case BsonDocument document:
                builder.Append("{ ");
                var first = true;
                foreach (var element in document)
                {
                    builder.Append(first ? string.Empty : ", ").Append(element.Name).Append(": ");
                    Append(builder, element.Value);
                    first = false;
                }

                builder.Append(" }");
                break;
            case BsonArray { Count: 0 }:
                builder.Append("[]");
                break;
            case BsonArray array:
                builder.Append("[ ");
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Append(builder, array[i]);
                }

                builder.Append(" ]");
                break;
            case BsonString text:
                builder.Append('"').Append(text.Value).Append('"');
                break;
            case BsonDouble number:
                var d = number.Value;
                builder.Append(d == Math.Floor(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e15
                    ? d.ToString("0.0", CultureInfo.InvariantCulture)
                    : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case BsonInt32 or BsonInt64:
                builder.Append(value.ToInt64().ToString(CultureInfo.InvariantCulture));
                break;
            case BsonDecimal128 decimalValue:
                builder.Append("NumberDecimal(\"").Append(decimalValue.Value.ToString()).Append("\")");
                break;
            case BsonObjectId id:
                builder.Append("ObjectId('").Append(id.Value.ToString()).Append("')");
                break;
            case BsonBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case BsonNull:
                builder.Append("null");
                break;
            case BsonDateTime date:
                builder.Append("new Date(").Append(date.MillisecondsSinceEpoch.ToString(CultureInfo.InvariantCulture)).Append(')');
                break;
            default:
                builder.Append(value.ToString());
                break;
        }
    }
}
