using MongoDB.Bson;

namespace Tessera.Server.Configuration;

/// <summary>
/// The body of mongod's <c>getCmdLineOpts</c> reply, <c>{argv: [...], parsed: {...}}</c> (the command adds
/// <c>ok</c>). <c>parsed</c> holds, under mongod's canonical names, every setting that was given plus the listener's
/// effective address, TLS mode and database path. Passwords show as <c>&lt;password&gt;</c>, as mongod redacts them.
/// </summary>
public static class CmdLineOptsReply
{
    /// <summary>mongod's argv starts with the program; Tessera's is the <c>serve</c> command.</summary>
    public static IReadOnlyList<string> ProgramArguments { get; } = ["tessera", "serve"];

    // Shown even when not given, so a client can always see where and how the server listens.
    private static readonly string[] AlwaysShown = ["net.port", "net.bindIp", "net.tls.mode", "storage.dbPath"];

    public static BsonDocument Render(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parsed = new BsonDocument();
        if (options.ConfigFile is { } configFile)
        {
            parsed.Add("config", configFile);
        }

        foreach (var definition in SettingCatalog.All)
        {
            var shown = options.WasGiven(definition.Key)
                || (AlwaysShown.Contains(definition.Key) && !(definition.Key == "net.bindIp" && options.Net.BindIpAll));
            if (shown && definition.Render is { } render)
            {
                SetPath(parsed, definition.Key, render(options));
            }
        }

        return new BsonDocument
        {
            { "argv", new BsonArray(ProgramArguments.Concat(options.Arguments)) },
            { "parsed", parsed },
        };
    }

    private static void SetPath(BsonDocument root, string key, BsonValue value)
    {
        var names = key.Split('.');
        var document = root;
        foreach (var name in names[..^1])
        {
            if (!document.TryGetValue(name, out var inner))
            {
                inner = new BsonDocument();
                document.Add(name, inner);
            }

            document = inner.AsBsonDocument;
        }

        document.Set(names[^1], value);
    }
}
