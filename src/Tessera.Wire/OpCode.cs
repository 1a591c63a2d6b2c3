namespace Tessera.Wire;

/// <summary>
/// The opCode field of a wire message header. Tessera reads OP_MSG and OP_QUERY and writes OP_MSG and
/// OP_REPLY; the legacy codes are listed so that a rejection can name what the client sent.
/// </summary>
public enum OpCode
{
    Reply = 1,
    Update = 2001,
    Insert = 2002,
    Reserved = 2003,
    Query = 2004,
    GetMore = 2005,
    Delete = 2006,
    KillCursors = 2007,
    Command = 2010,
    CommandReply = 2011,
    Compressed = 2012,
    Msg = 2013,
}
