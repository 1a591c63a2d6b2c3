namespace Tessera.Client;

/// <summary>
/// A client configuration that cannot work: conflicting TLS options, a credential the mechanism forbids, an unreadable
/// file. PyMongo's <c>ConfigurationError</c>; the message names the option at fault and what to change.
/// </summary>
public class ClientConfigurationException : Exception
{
    public ClientConfigurationException()
    {
    }

    public ClientConfigurationException(string message)
        : base(message)
    {
    }

    public ClientConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
