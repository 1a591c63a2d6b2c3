namespace Tessera.Server.Logging;

/// <summary>mongod's log components used by Tessera.</summary>
public static class LogComponents
{
    public const string Network = "NETWORK";
    public const string Access = "ACCESS";
    public const string Control = "CONTROL";
    public const string Command = "COMMAND";
    public const string Storage = "STORAGE";
}
