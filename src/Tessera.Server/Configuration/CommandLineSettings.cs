namespace Tessera.Server.Configuration;

/// <summary>What the command line said: its settings, the config file to read, and argv safe to show.</summary>
internal sealed record CommandLineSettings(
    IReadOnlyList<RawSetting> Settings, string? ConfigFile, IReadOnlyList<string> RedactedArguments);
