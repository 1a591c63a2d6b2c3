using MongoDB.Bson;

namespace Tessera.Server.Configuration;

/// <summary>
/// The <c>tlsClusterAuthX509Override</c> parameter: a JSON object <c>{attributes: "DN"}</c> or
/// <c>{extensionValue: "value"}</c>, checked as mongod's <c>ClusterAuthX509OverrideParameter::set</c> does.
/// </summary>
public static class ClusterAuthX509OverrideParameter
{
    public const string Name = "tlsClusterAuthX509Override";

    /// <summary>The override, or null for <c>{}</c>. Throws with mongod's reason (without the parameter prefix).</summary>
    public static ClusterAuthX509Options? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.TrimStart().StartsWith('{'))
        {
            throw new ServerConfigurationException("Value must be an object");
        }

        BsonDocument document;
        try
        {
            document = BsonDocument.Parse(json);
        }
        catch (Exception e) when (e is FormatException or BsonException or InvalidOperationException)
        {
            throw new ServerConfigurationException($"Value must be an object: {e.Message}");
        }

        var options = new ClusterAuthX509Options();
        foreach (var element in document)
        {
            if (!element.Value.IsString)
            {
                throw new ServerConfigurationException(
                    $"BSON field '{Name}.{element.Name}' is the wrong type '{element.Value.BsonType}', expected type 'string'");
            }

            options = element.Name switch
            {
                "attributes" => options with { Attributes = element.Value.AsString },
                "extensionValue" => options with { ExtensionValue = element.Value.AsString },
                _ => throw new ServerConfigurationException($"BSON field '{Name}.{element.Name}' is an unknown field."),
            };
        }

        if (options.Attributes is not null && options.ExtensionValue is not null)
        {
            throw new ServerConfigurationException(
                "At most one of attributes or extensionValue can be specified for tlsClusterAuthX509Override");
        }

        return options.IsSet ? options : null;
    }

    public static string Format(ClusterAuthX509Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = new BsonDocument();
        if (options.Attributes is not null)
        {
            document.Add("attributes", options.Attributes);
        }

        if (options.ExtensionValue is not null)
        {
            document.Add("extensionValue", options.ExtensionValue);
        }

        return document.ToJson();
    }
}
