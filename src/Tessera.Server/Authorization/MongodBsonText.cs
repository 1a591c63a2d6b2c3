using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace Tessera.Server.Authorization;

/// <summary>
/// A document as mongod prints it in messages and logs: <c>BSONObj::toString()</c>, e.g.
/// <c>{ insert: "c", ordered: true, lsid: { id: UUID("…") }, $db: "test" }</c>. It is not JSON: names
/// are bare, strings are not escaped, and long strings, code and binary are cut short.
/// </summary>
/// <remarks>
/// From mongod's <c>BSONElement::toString</c> (non-"full" form, the one <c>redact()</c> uses):
/// int32 and int64 plain; doubles as <c>%.16g</c> with <c>.0</c> added to whole numbers; dates
/// <c>new Date(ms)</c>; ObjectId <c>ObjectId('hex')</c>; 16-byte subtype-4 binary <c>UUID("…")</c>, other
/// binary <c>BinData(subtype, HEX)</c>; <c>Timestamp(seconds, increment)</c>; regexes <c>/p/flags</c>;
/// decimals <c>NumberDecimal("…")</c>. Choices not taken from mongod: non-finite doubles print as C's
/// printf does (<c>nan</c>, <c>inf</c>, <c>-inf</c>) without <c>.0</c>; exponent forms (<c>1e+20</c>) get no
/// <c>.0</c>; strings longer than 159 UTF-8 bytes are cut at 150 bytes as mongod does, but backed off to a
/// whole character so the text stays valid UTF-8; nesting has no depth limit.
/// </remarks>
public static class MongodBsonText
{
    private const int StringLimitBytes = 160;
    private const int StringKeptBytes = 150;
    private const int CodeLimitBytes = 80;
    private const int CodeKeptBytes = 70;
    private const int BinaryLimitBytes = 80;
    private const int BinaryKeptBytes = 70;

    public static string Render(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        AppendDocument(text, document);
        return text.ToString();
    }

    private static void AppendDocument(StringBuilder text, BsonDocument document)
    {
        if (document.ElementCount == 0)
        {
            text.Append("{}");
            return;
        }

        text.Append("{ ");
        var first = true;
        foreach (var element in document)
        {
            if (!first)
                text.Append(", ");
            first = false;
            text.Append(element.Name).Append(": ");
            AppendValue(text, element.Value);
        }

        text.Append(" }");
    }

    private static void AppendArray(StringBuilder text, BsonArray array)
    {
        if (array.Count == 0)
        {
            text.Append("[]");
            return;
        }

        text.Append("[ ");
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            AppendValue(text, array[i]);
        }

        text.Append(" ]");
    }

    private static void AppendValue(StringBuilder text, BsonValue value)
    {
        switch (value)
        {
            case BsonDocument document:
                AppendDocument(text, document);
                break;
            case BsonArray array:
                AppendArray(text, array);
                break;
            case BsonString s:
                AppendQuotedString(text, s.Value);
                break;
            case BsonSymbol symbol:
                AppendQuotedString(text, symbol.Name);
                break;
            case BsonInt32 i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case BsonInt64 l:
                text.Append(l.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case BsonDouble d:
                text.Append(FormatDouble(d.Value));
                break;
            case BsonDecimal128 m:
                text.Append("NumberDecimal(\"").Append(m.Value.ToString()).Append("\")");
                break;
            case BsonBoolean b:
                text.Append(b.Value ? "true" : "false");
                break;
            case BsonDateTime date:
                text.Append("new Date(").Append(date.MillisecondsSinceEpoch.ToString(CultureInfo.InvariantCulture)).Append(')');
                break;
            case BsonObjectId id:
                text.Append("ObjectId('").Append(id.Value.ToString()).Append("')");
                break;
            case BsonBinaryData binary:
                AppendBinary(text, binary);
                break;
            case BsonTimestamp timestamp:
                text.Append("Timestamp(")
                    .Append(timestamp.Timestamp.ToString(CultureInfo.InvariantCulture))
                    .Append(", ")
                    .Append(timestamp.Increment.ToString(CultureInfo.InvariantCulture))
                    .Append(')');
                break;
            case BsonRegularExpression regex:
                text.Append('/').Append(regex.Pattern).Append('/').Append(regex.Options);
                break;
            case BsonJavaScriptWithScope codeWithScope:
                text.Append("CodeWScope( ").Append(codeWithScope.Code).Append(", ");
                AppendDocument(text, codeWithScope.Scope);
                text.Append(')');
                break;
            case BsonJavaScript code:
                text.Append(Truncate(code.Code, CodeLimitBytes, CodeKeptBytes, out var cut)).Append(cut ? "..." : "");
                break;
            case BsonNull:
                text.Append("null");
                break;
            case BsonUndefined:
                text.Append("undefined");
                break;
            case BsonMinKey:
                text.Append("MinKey");
                break;
            case BsonMaxKey:
                text.Append("MaxKey");
                break;
            default:
                text.Append("?type=").Append(((int)value.BsonType).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendQuotedString(StringBuilder text, string value)
    {
        var kept = Truncate(value, StringLimitBytes, StringKeptBytes, out var cut);
        text.Append('"').Append(kept).Append(cut ? "...\"" : "\"");
    }

    private static void AppendBinary(StringBuilder text, BsonBinaryData binary)
    {
        var bytes = binary.Bytes;
        if (binary.SubType == BsonBinarySubType.UuidStandard && bytes.Length == 16)
        {
            var hex = Convert.ToHexStringLower(bytes);
            text.Append("UUID(\"")
                .Append(hex, 0, 8).Append('-')
                .Append(hex, 8, 4).Append('-')
                .Append(hex, 12, 4).Append('-')
                .Append(hex, 16, 4).Append('-')
                .Append(hex, 20, 12)
                .Append("\")");
            return;
        }

        text.Append("BinData(").Append(((int)binary.SubType).ToString(CultureInfo.InvariantCulture)).Append(", ");
        if (bytes.Length > BinaryLimitBytes)
            text.Append(Convert.ToHexString(bytes, 0, BinaryKeptBytes)).Append("...)");
        else
            text.Append(Convert.ToHexString(bytes)).Append(')');
    }

    // mongod's StringBuilder::appendDoubleNice: "%.16g", then ".0" when the result looks like an integer.
    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";

        // .NET's G16 switches to exponent form at the same points as C's %.16g; C writes a lower-case e.
        var formatted = value.ToString("G16", CultureInfo.InvariantCulture).Replace('E', 'e');
        return formatted.Contains('.', StringComparison.Ordinal) || formatted.Contains('e', StringComparison.Ordinal)
            ? formatted
            : formatted + ".0";
    }

    // mongod measures in bytes: a value of limitBytes bytes or more keeps its first keptBytes bytes.
    private static string Truncate(string value, int limitBytes, int keptBytes, out bool cut)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        cut = byteCount >= limitBytes;
        if (!cut)
            return value;

        var bytes = 0;
        var chars = 0;
        while (chars < value.Length)
        {
            var width = char.IsSurrogatePair(value, chars) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(value.AsSpan(chars, width));
            if (bytes + size > keptBytes)
                break;
            bytes += size;
            chars += width;
        }

        return value[..chars];
    }
}
