using System.Globalization;

namespace Tessera.Server.Configuration;

/// <summary>
/// Reads mongod-style arguments: <c>--port 27018</c>, <c>--port=27018</c>, switches such as <c>--auth</c>,
/// repeatable <c>--setParameter name=value</c>, <c>--config FILE</c> / <c>-f FILE</c> and <c>-v</c> to <c>-vvvvv</c>.
/// </summary>
internal static class CommandLineReader
{
    public const string ErrorPrefix = "Error parsing command line: ";

    public static CommandLineSettings Read(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<RawSetting>();
        var redacted = new List<string>();
        string? configFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            redacted.Add(token);
            if (VerbosityOf(token) is { } level)
            {
                settings.Add(Setting("systemLog.verbosity", level.ToString(CultureInfo.InvariantCulture), token));
                continue;
            }

            if (token == "-f")
            {
                configFile = NextValue(args, ref i, token, redacted);
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ServerConfigurationException(token, ErrorPrefix + (token.StartsWith('-')
                    ? Unrecognised(token)
                    : $"too many positional options have been specified on the command line ('{token}')"));
            }

            var (name, inline) = SplitAtEquals(token);
            switch (name)
            {
                case SettingCatalog.ConfigOption:
                    configFile = inline ?? NextValue(args, ref i, name, redacted);
                    continue;
                case SettingCatalog.SetParameterOption:
                    settings.Add(ReadParameter(inline ?? NextValue(args, ref i, name, redacted)));
                    continue;
            }

            if (SettingCatalog.CommandLineAliases.TryGetValue(name, out var alias))
            {
                if (inline is not null)
                {
                    throw new ServerConfigurationException(alias.Key, ErrorPrefix + $"option '{name}' does not take a value");
                }

                settings.Add(Setting(alias.Key, alias.Value, name));
                continue;
            }

            var (definition, legacy) = SettingCatalog.FindByCommandLineName(name)
                ?? throw new ServerConfigurationException(name, ErrorPrefix + Unrecognised(name));
            var value = definition.Kind switch
            {
                SettingKind.Boolean => inline ?? "true", // a switch: the next argument is never its value
                SettingKind.Password => PasswordValue(args, ref i, name, inline, redacted),
                _ => inline ?? NextValue(args, ref i, name, redacted),
            };
            if (legacy && definition.CanonicalizeLegacyValue is { } canonicalize)
            {
                value = canonicalize(value);
            }

            settings.Add(new RawSetting(definition, value, name, SettingOrigin.CommandLine));
        }

        RefuseRepeats(settings);
        return new CommandLineSettings(settings, configFile, redacted);
    }

    private static RawSetting Setting(string key, string value, string spelledAs) =>
        new(SettingCatalog.Get(key), value, spelledAs, SettingOrigin.CommandLine);

    private static RawSetting ReadParameter(string assignment)
    {
        var (name, value) = SplitAtEquals(assignment);
        if (value is null)
        {
            throw new ServerConfigurationException(
                SettingCatalog.SetParameterOption, ErrorPrefix + $"--setParameter expects name=value, not '{name}'");
        }

        var (definition, _) = SettingCatalog.FindByKey(SettingCatalog.Parameter(name))
            ?? throw new ServerConfigurationException(SettingCatalog.Parameter(name), UnknownParameterMessage(name));
        return new RawSetting(definition, value, $"--setParameter {name}", SettingOrigin.CommandLine);
    }

    /// <summary>mongod's refusal of a parameter it does not know or cannot set at start-up, with a hint.</summary>
    public static string UnknownParameterMessage(string name) =>
        SettingCatalog.RuntimeOnlyParameters.Contains(name)
            ? $"Cannot use --setParameter to set \"{name}\" at startup; use net.tls.mode"
            : $"Illegal --setParameter parameter: \"{name}\"{ClosestName.Hint(name, SettingCatalog.KnownParameterNames)}";

    private static string Unrecognised(string name) =>
        $"unrecognised option '{name}'{ClosestName.Hint(name, SettingCatalog.KnownCommandLineNames)}";

    // mongod's password options have the implicit value '' (prompt on the terminal). The next argument is taken
    // as the password unless it is itself an option, so a password is never mistaken for an unknown option and
    // echoed back in an error.
    private static string PasswordValue(IReadOnlyList<string> args, ref int i, string name, string? inline, List<string> redacted)
    {
        if (inline is not null)
        {
            redacted[^1] = $"{name}={Password.Redacted}";
            return inline;
        }

        if (i + 1 < args.Count && !IsOption(args[i + 1]))
        {
            i++;
            redacted.Add(Password.Redacted);
            return args[i];
        }

        return string.Empty;
    }

    private static bool IsOption(string token)
    {
        var (name, _) = SplitAtEquals(token);
        return token == "-f" || VerbosityOf(token) is not null || SettingCatalog.KnownCommandLineNames.Contains(name, StringComparer.Ordinal);
    }

    private static string NextValue(IReadOnlyList<string> args, ref int i, string name, List<string> redacted)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ServerConfigurationException(name, ErrorPrefix + $"the required argument for option '{name}' is missing");
        }

        i++;
        redacted.Add(args[i]);
        return args[i];
    }

    /// <summary>-v … -vvvvv, --verbose (one level) and --verbose=vvv.</summary>
    private static int? VerbosityOf(string token)
    {
        var letters = token.StartsWith("--verbose=", StringComparison.Ordinal) ? token["--verbose=".Length..]
            : token == SettingCatalog.VerboseOption ? "v"
            : token.Length > 1 && token[0] == '-' && token[1] == 'v' ? token[1..]
            : null;
        return letters is { Length: > 0 } && letters.All(c => c == 'v') ? letters.Length : null;
    }

    private static (string Name, string? Value) SplitAtEquals(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (token, null) : (token[..equals], token[(equals + 1)..]);
    }

    private static void RefuseRepeats(List<RawSetting> settings)
    {
        foreach (var group in settings.GroupBy(s => s.Key).Where(g => g.Count() > 1))
        {
            var (first, second) = (group.First(), group.Skip(1).First());
            throw new ServerConfigurationException(group.Key, ErrorPrefix + (first.SpelledAs == second.SpelledAs
                ? $"option '{first.SpelledAs}' cannot be specified more than once"
                : $"'{first.SpelledAs}' and '{second.SpelledAs}' both set {group.Key}; give only one"));
        }
    }
}
