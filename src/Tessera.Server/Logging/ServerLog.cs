using System.Text;
using System.Text.Json;

namespace Tessera.Server.Logging;

/// <summary>
/// The server's log: one JSON object per line in mongod's shape
/// (<c>{"t":{"$date":…},"s":"W","c":"NETWORK","id":23256,"ctx":"conn12","msg":…,"attr":{…}}</c>), so tools that
/// read mongod logs read Tessera's. It also keeps the recent lines for <c>getLog</c>. Callers pass only
/// what is safe to print: never passwords, private keys or authentication payloads.
/// </summary>
public sealed class ServerLog
{
    private const int RecentCapacity = 1024;

    /// <summary>mongod's maxLogSizeKB (10 KB): longer attribute values are cut, so a client cannot make lines huge.</summary>
    public const int MaxAttributeLength = 10 * 1024;

    // Log lines are read by people and tools, not embedded in HTML: no \u escapes for '+', '<' or non-ASCII.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter? _output;
    private readonly Lock _gate = new();
    private readonly Queue<string> _recent = new();
    private readonly List<string> _startupWarnings = [];

    public ServerLog(TextWriter? output) => _output = output;

    /// <summary>Lines logged as start-up warnings, for <c>getLog: "startupWarnings"</c>.</summary>
    public IReadOnlyList<string> StartupWarnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _startupWarnings];
            }
        }
    }

    /// <summary>The most recent lines (at most 1024), for <c>getLog: "global"</c>.</summary>
    public IReadOnlyList<string> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Every line written, for tests that assert on what the server logged.</summary>
    public event Action<LogEntry>? Written;

    public void Info(string component, int id, string context, string message, params (string Name, object? Value)[] attributes) =>
        Write(LogSeverity.Info, component, id, context, message, attributes);

    public void Warning(string component, int id, string context, string message, params (string Name, object? Value)[] attributes) =>
        Write(LogSeverity.Warning, component, id, context, message, attributes);

    public void Error(string component, int id, string context, string message, params (string Name, object? Value)[] attributes) =>
        Write(LogSeverity.Error, component, id, context, message, attributes);

    /// <summary>A warning that also goes into getLog's startupWarnings, as mongod's start-up checks do.</summary>
    public void StartupWarning(string component, int id, string message, params (string Name, object? Value)[] attributes)
    {
        var line = Write(LogSeverity.Warning, component, id, "initandlisten", message, attributes);
        lock (_gate)
        {
            _startupWarnings.Add(line);
        }
    }

    public string Write(LogSeverity severity, string component, int id, string context, string message, params (string Name, object? Value)[] attributes)
    {
        var entry = new LogEntry(DateTimeOffset.UtcNow, severity, component, id, context, message,
            attributes.ToDictionary(a => a.Name, a => a.Value is string { Length: > MaxAttributeLength } text ? Truncate(text) : a.Value));
        var line = Render(entry);
        lock (_gate)
        {
            _output?.WriteLine(line);
            _recent.Enqueue(line);
            if (_recent.Count > RecentCapacity)
            {
                _recent.Dequeue();
            }
        }

        Written?.Invoke(entry);
        return line;
    }

    private static string Truncate(string text) => string.Concat(text.AsSpan(0, MaxAttributeLength), "...(truncated)");

    public static string Render(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("t");
            json.WriteString("$date", entry.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteString("s", entry.Severity switch
            {
                LogSeverity.Debug => "D1",
                LogSeverity.Info => "I",
                LogSeverity.Warning => "W",
                LogSeverity.Error => "E",
                _ => "F",
            });
            json.WriteString("c", entry.Component.PadRight(8));
            json.WriteNumber("id", entry.Id);
            json.WriteString("ctx", entry.Context);
            json.WriteString("msg", entry.Message);
            if (entry.Attributes.Count > 0)
            {
                json.WritePropertyName("attr");
                JsonSerializer.Serialize(json, entry.Attributes, SerializerOptions);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
