namespace Tessera.Server;

/// <summary>What Tessera tells clients it is: the MongoDB version and wire versions it speaks.</summary>
public static class ServerInfo
{
    /// <summary>The MongoDB release whose behaviour Tessera follows (buildInfo.version).</summary>
    public const string MongoDbVersion = "8.0.0";

    /// <summary>Wire version 25 is MongoDB 8.0; drivers need at least 8 (4.0) for OP_MSG-only operation.</summary>
    public const int MinWireVersion = 0;

    public const int MaxWireVersion = 25;
}
