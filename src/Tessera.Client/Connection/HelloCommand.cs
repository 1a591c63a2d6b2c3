using System.Reflection;
using System.Runtime.InteropServices;
using MongoDB.Bson;

namespace Tessera.Client.Connection;

/// <summary>The handshake's hello, with the client metadata the handshake spec asks for and the speculative login.</summary>
internal static class HelloCommand
{
    public static BsonDocument Create(string? applicationName, BsonDocument? speculativeAuthenticate)
    {
        var client = new BsonDocument
        {
            { "driver", new BsonDocument { { "name", "Tessera.Client" }, { "version", Version } } },
            { "os", new BsonDocument { { "type", OsType }, { "name", RuntimeInformation.OSDescription } } },
            { "platform", RuntimeInformation.FrameworkDescription },
        };
        if (applicationName is not null)
        {
            client.InsertAt(0, new BsonElement("application", new BsonDocument("name", applicationName)));
        }

        var hello = new BsonDocument { { "hello", 1 }, { "helloOk", true }, { "client", client } };
        if (speculativeAuthenticate is not null)
        {
            hello.Add("speculativeAuthenticate", speculativeAuthenticate);
        }

        hello.Add("$db", "admin");
        return hello;
    }

    private static string Version => typeof(HelloCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private static string OsType =>
        OperatingSystem.IsLinux() ? "Linux" : OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "Darwin" : "Unknown";
}
