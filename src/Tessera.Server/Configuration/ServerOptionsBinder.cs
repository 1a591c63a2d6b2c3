using System.Globalization;

namespace Tessera.Server.Configuration;

/// <summary>
/// Turns the settings read from the file and the command line into <see cref="ServerOptions"/>. The command
/// line overrides the file, as in mongod; each value is converted to its type and stored in catalog order.
/// </summary>
internal static class ServerOptionsBinder
{
    public static ServerOptions Bind(IReadOnlyList<RawSetting> fileSettings, CommandLineSettings commandLine)
    {
        var merged = new Dictionary<string, RawSetting>(StringComparer.Ordinal);
        foreach (var setting in fileSettings.Concat(commandLine.Settings))
        {
            merged[setting.Key] = setting;
        }

        if (merged.TryGetValue(SettingCatalog.SslOnNormalPortsKey, out var onNormalPorts) && merged.TryGetValue("net.tls.mode", out var mode))
        {
            throw new ServerConfigurationException(
                SettingCatalog.SslOnNormalPortsKey,
                $"'{onNormalPorts.SpelledAs}' is deprecated and cannot be combined with '{mode.SpelledAs}'; use net.tls.mode requireTLS alone");
        }

        var options = new ServerOptions();
        foreach (var definition in SettingCatalog.All)
        {
            if (merged.TryGetValue(definition.Key, out var raw))
            {
                options = Apply(options, raw);
            }
        }

        var given = merged.Keys.ToHashSet(StringComparer.Ordinal);
        if (given.Remove(SettingCatalog.SslOnNormalPortsKey))
        {
            given.Add("net.tls.mode"); // mongod canonicalises sslOnNormalPorts into the mode
        }

        return options with
        {
            GivenSettings = given,
            Arguments = commandLine.RedactedArguments,
            ConfigFile = commandLine.ConfigFile,
        };
    }

    private static ServerOptions Apply(ServerOptions options, RawSetting raw)
    {
        try
        {
            return raw.Definition.Apply(options, Convert(raw));
        }
        catch (ServerConfigurationException reason) when (reason.Setting is null)
        {
            throw Problem(raw, reason.Message);
        }
    }

    private static object Convert(RawSetting raw) => raw.Definition.Kind switch
    {
        SettingKind.Integer => ConvertInteger(raw),
        SettingKind.Boolean => ConvertBoolean(raw),
        SettingKind.Password => new Password(raw.Value),
        _ => raw.Value,
    };

    private static int ConvertInteger(RawSetting raw)
    {
        var definition = raw.Definition;
        if (!int.TryParse(raw.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Problem(raw, $"expects an integer, not '{raw.Value}'");
        }

        if (value < definition.Minimum || value > definition.Maximum)
        {
            throw Problem(raw, definition.Maximum == int.MaxValue
                ? $"must be greater than or equal to {definition.Minimum}, not {value}"
                : $"must be between {definition.Minimum} and {definition.Maximum}, not {value}");
        }

        return value;
    }

    private static bool ConvertBoolean(RawSetting raw)
    {
        if (bool.TryParse(raw.Value, out var value))
        {
            return value;
        }

        // mongod's parameters also read 1 and 0.
        return raw.Definition.IsParameter && raw.Value is "1" or "0"
            ? raw.Value == "1"
            : throw Problem(raw, $"expects true or false, not '{raw.Value}'");
    }

    private static ServerConfigurationException Problem(RawSetting raw, string reason)
    {
        if (raw.Definition.IsParameter)
        {
            return new(raw.Key, $"Bad value for parameter \"{raw.Definition.ParameterName}\": {reason}");
        }

        var prefix = raw.Origin == SettingOrigin.CommandLine ? CommandLineReader.ErrorPrefix : $"Error parsing YAML config file: {raw.File}: ";
        return new(raw.Key, $"{prefix}option '{raw.SpelledAs}' {reason}");
    }
}
