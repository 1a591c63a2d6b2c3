using MongoDB.Bson;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tessera.Server.Configuration;

/// <summary>
/// Reads a mongod YAML configuration file (<c>--config</c>). Nested sections and dotted keys both work, as
/// in mongod, whose parser joins the path with dots. <c>setParameter</c> is a map of parameter names.
/// </summary>
internal static class YamlConfigFileReader
{
    private static readonly string[] NullScalars = ["", "~", "null", "Null", "NULL"];

    public static IReadOnlyList<RawSetting> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException(SettingCatalog.ConfigOption, $"Error reading config file '{path}': {e.Message}");
        }

        return ReadText(text, path);
    }

    public static IReadOnlyList<RawSetting> ReadText(string text, string path)
    {
        var prefix = $"Error parsing YAML config file: {path}: ";
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet's message names the line and column; it does not quote the content.
            throw new ServerConfigurationException(SettingCatalog.ConfigOption, prefix + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: var empty } && IsNull(empty))
        {
            return [];
        }

        if (stream.Documents.Count > 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ServerConfigurationException(SettingCatalog.ConfigOption, prefix + "the file must be one mapping of option names to values");
        }

        var settings = new List<RawSetting>();
        new Walker(path, prefix, settings).Walk(root, string.Empty);
        foreach (var group in settings.GroupBy(s => s.Key).Where(g => g.Count() > 1))
        {
            var spellings = string.Join("' and '", group.Select(s => s.SpelledAs));
            throw new ServerConfigurationException(group.Key, prefix + $"'{spellings}' both set {group.Key}; give only one");
        }

        return settings;
    }

    private static bool IsNull(string? value) => value is null || NullScalars.Contains(value);

    private sealed class Walker(string path, string prefix, List<RawSetting> settings)
    {
        public void Walk(YamlMappingNode mapping, string section)
        {
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                {
                    throw Error(section, $"keys must be plain names (at {keyNode.Start})");
                }

                var key = section.Length == 0 ? name : $"{section}.{name}";
                if (key == "setParameter")
                {
                    ReadParameters(valueNode);
                }
                else if (SettingCatalog.FindByKey(key) is { } found)
                {
                    settings.Add(Scalar(found.Definition, found.Legacy, key, valueNode));
                }
                else if (key.StartsWith(SettingDefinition.ParameterPrefix, StringComparison.Ordinal))
                {
                    var parameter = key[SettingDefinition.ParameterPrefix.Length..];
                    throw new ServerConfigurationException(key, CommandLineReader.UnknownParameterMessage(parameter));
                }
                else if (SettingCatalog.UnsupportedMongodKeys.Contains(key))
                {
                    throw Error(key, $"'{key}' is a mongod option Tessera does not support; remove it from the file");
                }
                else if (valueNode is YamlMappingNode inner && SettingCatalog.IsSection(key))
                {
                    Walk(inner, key);
                }
                else
                {
                    throw Error(key, $"unrecognised option '{key}'{ClosestName.Hint(key, SettingCatalog.KnownKeysAndSections)}");
                }
            }
        }

        private void ReadParameters(YamlNode node)
        {
            if (node is not YamlMappingNode parameters)
            {
                throw Error("setParameter", "setParameter must be a mapping of parameter names to values");
            }

            foreach (var (keyNode, valueNode) in parameters.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                var key = SettingCatalog.Parameter(name);
                var (definition, legacy) = SettingCatalog.FindByKey(key)
                    ?? throw new ServerConfigurationException(key, CommandLineReader.UnknownParameterMessage(name));

                // A parameter whose value is a JSON object (tlsClusterAuthX509Override) may be written as YAML.
                settings.Add(valueNode is YamlMappingNode or YamlSequenceNode && definition.Kind == SettingKind.String
                    ? new RawSetting(definition, ToBson(valueNode).ToJson(), key, SettingOrigin.ConfigFile, path)
                    : Scalar(definition, legacy, key, valueNode));
            }
        }

        private RawSetting Scalar(SettingDefinition definition, bool legacy, string key, YamlNode node)
        {
            if (node is not YamlScalarNode scalar)
            {
                throw Error(definition.Key, $"option '{key}' expects {Describe(definition.Kind)}, not a {(node is YamlMappingNode ? "mapping" : "list")}");
            }

            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && IsNull(scalar.Value))
            {
                throw Error(definition.Key, $"option '{key}' has no value");
            }

            var value = scalar.Value ?? string.Empty;
            if (legacy && definition.CanonicalizeLegacyValue is { } canonicalize)
            {
                value = canonicalize(value);
            }

            return new RawSetting(definition, value, key, SettingOrigin.ConfigFile, path);
        }

        private ServerConfigurationException Error(string setting, string message) => new(setting, prefix + message);

        private static string Describe(SettingKind kind) => kind switch
        {
            SettingKind.Integer => "an integer",
            SettingKind.Boolean => "true or false",
            _ => "a string",
        };

        private static BsonValue ToBson(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new BsonDocument(mapping.Children.Select(
                c => new BsonElement(((YamlScalarNode)c.Key).Value ?? string.Empty, ToBson(c.Value)))),
            YamlSequenceNode sequence => new BsonArray(sequence.Children.Select(ToBson)),
            YamlScalarNode scalar => scalar.Value is { } text ? new BsonString(text) : BsonNull.Value,
            _ => BsonNull.Value,
        };
    }
}
