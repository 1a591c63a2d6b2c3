namespace Tessera.Client;

/// <summary>
/// The texts of the warnings a connection string can raise. The first three follow the connection-string spec's
/// examples word for word, so users can search for them; each says what Tessera did with the option.
/// </summary>
internal static class UriWarnings
{
    public static string UnknownOption(string key) => $"Unsupported option '{key}'. It is ignored; check its spelling.";

    public static string InvalidValue(string key, string value, string problem) =>
        $"Unsupported value for \"{key}\" : \"{value}\" ({problem}). The option is ignored.";

    /// <summary>For secrets: the value is not repeated in the warning.</summary>
    public static string InvalidSecretValue(string key, string problem) =>
        $"Unsupported value for \"{key}\" ({problem}). The option is ignored.";

    public static string Duplicate(string key) => $"Duplicate URI option '{key}'. The last value is used.";

    public static string EmptyValue(string key) => $"Empty value for \"{key}\" is ignored.";

    public static string Deprecated(string key, string replacement) =>
        $"Deprecated option '{key}', please use '{replacement}' instead.";

    public static string DeprecatedIgnored(string key, string replacement) =>
        $"Deprecated option '{key}' is ignored because '{replacement}' is also given.";
}
