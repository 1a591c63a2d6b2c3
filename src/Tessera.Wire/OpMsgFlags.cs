namespace Tessera.Wire;

/// <summary>
/// OP_MSG flagBits. Bits 0-15 are "required": a receiver that does not know one must reject the message.
/// Bits 16-31 are optional and may be ignored.
/// </summary>
[Flags]
public enum OpMsgFlags : uint
{
    None = 0,
    ChecksumPresent = 1u << 0,
    MoreToCome = 1u << 1,
    ExhaustAllowed = 1u << 16,
}
