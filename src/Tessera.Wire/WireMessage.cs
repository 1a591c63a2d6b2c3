namespace Tessera.Wire;

/// <summary>
/// The body of a wire message after its header: <see cref="OpMsg"/>, <see cref="OpQuery"/> or <see cref="OpReply"/>.
/// The header is not part of it because request ids are assigned when a message is written.
/// </summary>
public abstract class WireMessage
{
    private protected WireMessage()
    {
    }

    public abstract OpCode OpCode { get; }
}
