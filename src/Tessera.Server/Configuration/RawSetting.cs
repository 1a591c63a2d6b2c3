namespace Tessera.Server.Configuration;

/// <summary>Where a setting came from, which decides how its errors begin.</summary>
internal enum SettingOrigin
{
    CommandLine,
    ConfigFile,
}

/// <summary>
/// A setting as read, before conversion: its canonical key, its text, and how the user spelled it (so messages
/// name <c>--sslPEMKeyFile</c> or <c>net.ssl.PEMKeyFile</c>, whichever they wrote).
/// </summary>
internal sealed record RawSetting(SettingDefinition Definition, string Value, string SpelledAs, SettingOrigin Origin, string? File = null)
{
    public string Key => Definition.Key;
}
