namespace Tessera.Wire;

/// <summary>The names the MongoDB documentation uses for op codes, so errors and logs match what operators search for.</summary>
public static class OpCodeNames
{
    /// <summary>"OP_MSG (2013)", or "unknown opCode 1234" for a value that is no op code.</summary>
    public static string Describe(OpCode opCode) => Describe((int)opCode);

    public static string Describe(int opCode) => opCode switch
    {
        (int)OpCode.Reply => "OP_REPLY (1)",
        (int)OpCode.Update => "OP_UPDATE (2001)",
        (int)OpCode.Insert => "OP_INSERT (2002)",
        (int)OpCode.Reserved => "RESERVED (2003)",
        (int)OpCode.Query => "OP_QUERY (2004)",
        (int)OpCode.GetMore => "OP_GET_MORE (2005)",
        (int)OpCode.Delete => "OP_DELETE (2006)",
        (int)OpCode.KillCursors => "OP_KILL_CURSORS (2007)",
        (int)OpCode.Command => "OP_COMMAND (2010)",
        (int)OpCode.CommandReply => "OP_COMMANDREPLY (2011)",
        (int)OpCode.Compressed => "OP_COMPRESSED (2012)",
        (int)OpCode.Msg => "OP_MSG (2013)",
        _ => $"unknown opCode {opCode}",
    };
}
