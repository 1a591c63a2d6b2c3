using MongoDB.Bson;

namespace Tessera.Wire;

/// <summary>
/// OP_QUERY (2004). Removed from MongoDB for everything except the first <c>hello</c>/<c>isMaster</c> (and
/// legacy auth) that older drivers and mongosh still send to <c>admin.$cmd</c>; the reply is an OP_REPLY.
/// </summary>
public sealed class OpQuery : WireMessage
{
    public OpQuery(
        string fullCollectionName,
        BsonDocument query,
        OpQueryFlags flags = OpQueryFlags.None,
        int numberToSkip = 0,
        int numberToReturn = -1,
        BsonDocument? returnFieldsSelector = null)
    {
        ArgumentNullException.ThrowIfNull(fullCollectionName);
        ArgumentNullException.ThrowIfNull(query);
        if (fullCollectionName.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("fullCollectionName is a C string and cannot contain NUL", nameof(fullCollectionName));
        }

        FullCollectionName = fullCollectionName;
        Query = query;
        Flags = flags;
        NumberToSkip = numberToSkip;
        NumberToReturn = numberToReturn;
        ReturnFieldsSelector = returnFieldsSelector;
    }

    public override OpCode OpCode => OpCode.Query;

    public OpQueryFlags Flags { get; }

    /// <summary>"database.collection"; for a command, "admin.$cmd".</summary>
    public string FullCollectionName { get; }

    public int NumberToSkip { get; }

    public int NumberToReturn { get; }

    public BsonDocument Query { get; }

    public BsonDocument? ReturnFieldsSelector { get; }

    /// <summary>The part of <see cref="FullCollectionName"/> before the first dot.</summary>
    public string DatabaseName
    {
        get
        {
            var dot = FullCollectionName.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? FullCollectionName : FullCollectionName[..dot];
        }
    }

    /// <summary>Whether this is a command (a query on the pseudo-collection <c>$cmd</c>) rather than a legacy find.</summary>
    public bool IsCommand => FullCollectionName.EndsWith(".$cmd", StringComparison.Ordinal);
}
