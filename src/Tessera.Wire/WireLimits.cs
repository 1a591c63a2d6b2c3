namespace Tessera.Wire;

/// <summary>mongod's size limits, which drivers learn from the hello reply and which the reader enforces.</summary>
public static class WireLimits
{
    /// <summary>maxMessageSizeBytes: the largest whole message, header included.</summary>
    public const int MaxMessageSizeBytes = 48_000_000;

    /// <summary>maxBsonObjectSize: the largest document a user may store.</summary>
    public const int MaxBsonObjectSize = 16 * 1024 * 1024;

    /// <summary>Room mongod allows on top of a user document for the command wrapped around it.</summary>
    public const int CommandOverheadBytes = 16 * 1024;

    /// <summary>The largest document accepted on the wire (mongod's BSONObjMaxInternalSize): 16,793,600 bytes.</summary>
    public const int MaxWireDocumentSize = MaxBsonObjectSize + CommandOverheadBytes;

    /// <summary>How deeply documents and arrays may nest (mongod's default maxBSONDepth).</summary>
    public const int MaxNestingDepth = 200;

    /// <summary>hello's maxWriteBatchSize: the most operations one write command may carry.</summary>
    public const int MaxWriteBatchSize = 100_000;
}
