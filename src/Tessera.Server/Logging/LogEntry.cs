namespace Tessera.Server.Logging;

/// <summary>mongod's severities: F(atal), E(rror), W(arning), I(nformational), D1..D5 (debug).</summary>
public enum LogSeverity
{
    Debug,
    Info,
    Warning,
    Error,
    Fatal,
}

/// <summary>
/// One log line in mongod's structured shape: time, severity, component (NETWORK, ACCESS, CONTROL, ...),
/// mongod's numeric id where one exists, context (the connection, e.g. conn12), message and attributes.
/// </summary>
public sealed record LogEntry(
    DateTimeOffset Time,
    LogSeverity Severity,
    string Component,
    int Id,
    string Context,
    string Message,
    IReadOnlyDictionary<string, object?> Attributes);
