namespace Tessera.Client.Connection;

/// <summary>
/// A connection could not be opened, or was lost. <see cref="Kind"/> says which failure class it is, <see cref="Step"/>
/// where it happened; the message names the cause and the option or action that fixes it.
/// </summary>
public sealed class ConnectionFailedException : Exception
{
    public ConnectionFailedException(string address, ConnectionFailure failure, Exception? innerException = null)
        : base($"{address}: {failure?.Describe()}", innerException)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Address = address;
        Failure = failure;
    }

    /// <summary>host:port of the server.</summary>
    public string Address { get; }

    public ConnectionFailure Failure { get; }

    public ConnectionFailureKind Kind => Failure.Kind;

    public ConnectionStep Step => Failure.Step;

    /// <summary>What went wrong, without the fix.</summary>
    public string Cause => Failure.Cause;

    /// <summary>The option to change or the action to take.</summary>
    public string Fix => Failure.Fix;
}
