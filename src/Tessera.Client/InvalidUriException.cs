namespace Tessera.Client;

/// <summary>
/// The connection string itself is malformed or self-contradictory (PyMongo's <c>InvalidURI</c>, a subclass of its
/// configuration error, so callers can catch either).
/// </summary>
public class InvalidUriException : ClientConfigurationException
{
    public InvalidUriException()
    {
    }

    public InvalidUriException(string message)
        : base(message)
    {
    }

    public InvalidUriException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
