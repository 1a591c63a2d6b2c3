namespace Tessera.Server.Configuration;

/// <summary>
/// Reads <c>tessera serve</c>'s options the way mongod does: the YAML file named by <c>--config</c>/<c>-f</c>,
/// then the command line over it, then mongod's start-up checks. The CLI removes its own <c>--dev</c> first.
/// </summary>
public static class ServerOptionsParser
{
    /// <summary>Parsed and validated options; a <see cref="ServerConfigurationException"/> otherwise.</summary>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = ParseWithoutValidation(args);
        ServerOptionsValidator.Validate(options);
        return options;
    }

    /// <summary>
    /// Parsed but not yet checked across settings, for a caller that fills in settings of its own (such as
    /// <c>--dev</c>'s generated certificates) and then calls <see cref="ServerOptionsValidator.Validate"/>.
    /// </summary>
    public static ServerOptions ParseWithoutValidation(IReadOnlyList<string> args)
    {
        var commandLine = CommandLineReader.Read(args);
        var fileSettings = commandLine.ConfigFile is { } path ? YamlConfigFileReader.Read(path) : [];
        return ServerOptionsBinder.Bind(fileSettings, commandLine);
    }
}
