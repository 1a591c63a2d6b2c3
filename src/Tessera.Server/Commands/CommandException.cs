namespace Tessera.Server.Commands;

/// <summary>A command failure the client sees as <c>{ok: 0, errmsg, code, codeName}</c>.</summary>
public sealed class CommandException : Exception
{
    public CommandException(ErrorCode error, string message)
        : base(message)
    {
        Error = error;
    }

    public CommandException()
        : this(ErrorCode.InternalError, "internal error")
    {
    }

    public CommandException(string message)
        : this(ErrorCode.BadValue, message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ErrorCode.InternalError;
    }

    public ErrorCode Error { get; }
}
