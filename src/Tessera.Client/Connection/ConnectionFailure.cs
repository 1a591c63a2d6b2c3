namespace Tessera.Client.Connection;

/// <summary>What went wrong at which step, in plain words: the cause and the option or action that fixes it.</summary>
public sealed record ConnectionFailure(ConnectionFailureKind Kind, ConnectionStep Step, string Cause, string Fix)
{
    /// <summary>One sentence for an exception message: "cause; fix: fix".</summary>
    public string Describe() => $"{Cause}; fix: {Fix}";
}
