using System.Text;

namespace Tessera.Query.Comparison;

/// <summary>
/// mongod compares strings by their UTF-8 bytes (simple binary collation). That is code point order, which
/// differs from .NET's ordinal UTF-16 order for characters above U+FFFF against U+E000–U+FFFF.
/// </summary>
internal static class Utf8Order
{
    public static int Compare(string left, string right)
    {
        var leftRunes = left.EnumerateRunes();
        var rightRunes = right.EnumerateRunes();
        while (true)
        {
            var hasLeft = leftRunes.MoveNext();
            var hasRight = rightRunes.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var byRune = leftRunes.Current.Value.CompareTo(rightRunes.Current.Value);
            if (byRune != 0)
            {
                return byRune < 0 ? -1 : 1;
            }
        }
    }

    /// <summary>Orders field names as mongod's strcmp does.</summary>
    public static int CompareNames(string left, string right) => Compare(left, right);

    public static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);
}
