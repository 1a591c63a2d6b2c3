namespace Tessera.Wire;

/// <summary>OP_QUERY flags. Kept only so a handshake's flags can be read and logged; none changes how a command runs.</summary>
[Flags]
public enum OpQueryFlags
{
    None = 0,
    TailableCursor = 1 << 1,
    SecondaryOk = 1 << 2,
    OplogReplay = 1 << 3,
    NoCursorTimeout = 1 << 4,
    AwaitData = 1 << 5,
    Exhaust = 1 << 6,
    Partial = 1 << 7,
}
