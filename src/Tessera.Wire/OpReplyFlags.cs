namespace Tessera.Wire;

/// <summary>OP_REPLY responseFlags.</summary>
[Flags]
public enum OpReplyFlags
{
    None = 0,
    CursorNotFound = 1 << 0,
    QueryFailure = 1 << 1,
    ShardConfigStale = 1 << 2,

    /// <summary>mongod sets this on every OP_REPLY (its "ok" result flags), so Tessera does too.</summary>
    AwaitCapable = 1 << 3,
}
