using System.Text;
using MongoDB.Bson;

namespace Tessera.Server.Commands;

/// <summary>mongod's code-13 message: <c>not authorized on test to execute command { insert: "c", ..., $db: "test" }</c>.</summary>
public static class UnauthorizedCommand
{
    public static string Message(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"not authorized on {context.Database} to execute command {ShellForm(context.Command)}";
    }

    /// <summary>The relaxed shell form mongod prints commands in: unquoted names, quoted strings.</summary>
    public static string ShellForm(BsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, BsonValue value)
    {
        switch (value)
        {
            case BsonDocument document:
                if (document.ElementCount == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append("{ ");
                var first = true;
                foreach (var element in document)
                {
                    text.Append(first ? string.Empty : ", ").Append(element.Name).Append(": ");
                    Append(text, element.Value);
                    first = false;
                }

                text.Append(" }");
                break;
            case BsonArray array:
                text.Append(array.Count == 0 ? "[]" : "[ ");
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(text, array[i]);
                }

                text.Append(array.Count == 0 ? string.Empty : " ]");
                break;
            case BsonString s:
                text.Append('"').Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case BsonBinaryData binary when binary.SubType == BsonBinarySubType.UuidStandard:
                text.Append("UUID(\"").Append(binary.ToGuid(MongoDB.Bson.GuidRepresentation.Standard)).Append("\")");
                break;
            default:
                text.Append(value.ToString());
                break;
        }
    }
}
