namespace Tessera.Server.Configuration;

/// <summary><c>systemLog</c>: how much the server logs.</summary>
public sealed record SystemLogOptions
{
    public const int MaxVerbosity = 5;

    /// <summary>0 to 5, as mongod's <c>-v</c> to <c>-vvvvv</c>: debug levels above informational.</summary>
    public int Verbosity { get; init; }

    /// <summary>Suppresses connection accepted/ended and similar routine lines.</summary>
    public bool Quiet { get; init; }
}
