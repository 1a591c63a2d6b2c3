namespace Tessera.Security.Rules;

/// <summary>Readable names for EKU purposes in messages (OpenSSL's short names).</summary>
internal static class KeyPurposes
{
    public static string Describe(IReadOnlyList<string> purposes) =>
        purposes.Count == 0 ? "empty" : string.Join(", ", purposes.Select(Names.AttributeNames.ShortNameOf));
}
