using Tessera.Server.Commands;

namespace Tessera.Server.Authentication;

/// <summary>
/// Why a login failed: the true reason for the log, and the code it carries before masking. The commands mask
/// it as mongod does (authenticate lets only UserNotFound and ProtocolError through; saslStart also
/// MechanismUnavailable), so a client cannot probe the server's configuration.
/// </summary>
public sealed class AuthenticationFailure : Exception
{
    public AuthenticationFailure(ErrorCode error, string reason)
        : base(reason)
    {
        Error = error;
    }

    public AuthenticationFailure()
        : this(ErrorCode.AuthenticationFailed, "Authentication failed.")
    {
    }

    public AuthenticationFailure(string message)
        : this(ErrorCode.AuthenticationFailed, message)
    {
    }

    public AuthenticationFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ErrorCode.AuthenticationFailed;
    }

    public ErrorCode Error { get; }

    /// <summary>What the client sees when only the given codes may pass unmasked.</summary>
    public CommandException Masked(params ErrorCode[] passThrough) =>
        passThrough.Contains(Error) ? new CommandException(Error, Message) : new CommandException(ErrorCode.AuthenticationFailed, "Authentication failed.");
}
