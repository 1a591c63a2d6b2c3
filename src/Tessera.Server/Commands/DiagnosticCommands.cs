using System.Runtime.InteropServices;
using MongoDB.Bson;
using Tessera.Server.Authorization;
using Tessera.Wire;

namespace Tessera.Server.Commands;

/// <summary>ping, buildInfo, hostInfo, whatsmyuri, getCmdLineOpts, getLog, getParameter: what shells and drivers ask at start-up.</summary>
public static class DiagnosticCommands
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("ping", _ => [], AllowedBeforeAuthentication: true),
        new("buildInfo", BuildInfo, AllowedBeforeAuthentication: true) { Aliases = ["buildinfo"] },
        new("whatsmyuri", context => new BsonDocument("you", context.Connection.RemoteAddress), AllowedBeforeAuthentication: true),
        new("hostInfo", HostInfo, IsAuthorized: c => OnCluster(c, ActionType.HostInfo)),
        new("getCmdLineOpts", context => context.Server.Setup.CommandLineOptions.DeepClone().AsBsonDocument, IsAuthorized: c => OnCluster(c, ActionType.GetCmdLineOpts)),
        new("getLog", GetLog, IsAuthorized: c => OnCluster(c, ActionType.GetLog)),
        new("getParameter", GetParameterCommand.Get, IsAuthorized: c => OnCluster(c, ActionType.GetParameter)),
        new("connectionStatus", ConnectionStatusCommand.Run, AllowedBeforeAuthentication: true),
    ];

    private static bool OnCluster(CommandContext context, ActionType action) =>
        context.Authorization.IsAuthorizedForActionsOnCluster(action);

    private static BsonDocument BuildInfo(CommandContext context)
    {
        var version = ServerInfo.MongoDbVersion.Split('.').Select(int.Parse).Append(0).ToArray();
        return new BsonDocument
        {
            { "version", ServerInfo.MongoDbVersion },
            { "gitVersion", "tessera" },
            { "modules", new BsonArray() },
            { "allocator", "system" },
            { "javascriptEngine", "none" },
            { "sysInfo", "deprecated" },
            { "versionArray", new BsonArray(version) },
            { "bits", IntPtr.Size * 8 },
            { "debug", false },
            { "maxBsonObjectSize", WireLimits.MaxBsonObjectSize },
            { "storageEngines", new BsonArray { "sqlite" } },
            { "tessera", new BsonDocument { { "runtime", RuntimeInformation.FrameworkDescription } } },
        };
    }

    private static BsonDocument HostInfo(CommandContext context) => new()
    {
        {
            "system", new BsonDocument
            {
                { "currentTime", new BsonDateTime(context.Server.Time.GetUtcNow().UtcDateTime) },
                { "hostname", Environment.MachineName },
                { "cpuAddrSize", IntPtr.Size * 8 },
                { "numCores", Environment.ProcessorCount },
                { "cpuArch", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() },
                { "numaEnabled", false },
            }
        },
        { "os", new BsonDocument { { "type", OperatingSystem.IsLinux() ? "Linux" : RuntimeInformation.OSDescription }, { "name", RuntimeInformation.OSDescription } } },
        { "extra", new BsonDocument() },
    };

    private static BsonDocument GetLog(CommandContext context)
    {
        var which = context.Command.GetElement(0).Value;
        var log = context.Server.Log;
        return which.IsString ? which.AsString switch
        {
            "*" => new BsonDocument("names", new BsonArray { "global", "startupWarnings" }),
            "global" => Lines(log.Recent),
            "startupWarnings" => Lines(log.StartupWarnings),
            var name => throw new CommandException(ErrorCode.BadValue, $"no RecentEntries named: {name}"),
        }
        : throw new CommandException(ErrorCode.TypeMismatch, "Argument to getLog must be of type String");

        static BsonDocument Lines(IReadOnlyList<string> lines) =>
            new() { { "totalLinesWritten", lines.Count }, { "log", new BsonArray(lines) } };
    }
}
