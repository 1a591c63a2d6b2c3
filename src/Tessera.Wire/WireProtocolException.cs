namespace Tessera.Wire;

/// <summary>
/// A message that is not valid wire protocol. It is the only exception the reader raises for bad input,
/// so the server can catch exactly this, log the message, and close that one connection.
/// </summary>
public sealed class WireProtocolException : Exception
{
    public WireProtocolException()
    {
    }

    public WireProtocolException(string message)
        : base(message)
    {
    }

    public WireProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
