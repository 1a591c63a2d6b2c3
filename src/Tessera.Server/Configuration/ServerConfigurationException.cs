namespace Tessera.Server.Configuration;

/// <summary>
/// A configuration <c>tessera serve</c> refuses to start with. The message uses mongod's wording where mongod
/// has one and always names the setting; it never contains a password.
/// </summary>
public sealed class ServerConfigurationException : Exception
{
    public ServerConfigurationException(string setting, string message)
        : base(message)
    {
        Setting = setting;
    }

    public ServerConfigurationException()
    {
    }

    public ServerConfigurationException(string message)
        : base(message)
    {
    }

    public ServerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The canonical name of the setting at fault (e.g. <c>net.tls.mode</c>), when there is one.</summary>
    public string? Setting { get; }
}
