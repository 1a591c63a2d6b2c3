using MongoDB.Bson;

namespace Tessera.Server;

/// <summary>
/// The running counts serverStatus reports: connections, and operations as mongod's opcounters count them
/// (insert and delete per document, query per find, getmore per getMore, command for everything else).
/// </summary>
public sealed class ServerStatistics
{
    private long _currentConnections;
    private long _totalConnections;
    private long _insert;
    private long _query;
    private long _update;
    private long _delete;
    private long _getMore;
    private long _command;

    public long CurrentConnections => Interlocked.Read(ref _currentConnections);

    public long TotalConnections => Interlocked.Read(ref _totalConnections);

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _currentConnections);
        Interlocked.Increment(ref _totalConnections);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _currentConnections);

    /// <summary>Counts one command by its name; the write commands add their documents themselves.</summary>
    public void CommandRun(string name)
    {
        switch (name)
        {
            case "insert" or "update" or "delete":
                break; // counted per document by the command
            case "find":
                Interlocked.Increment(ref _query);
                break;
            case "getMore":
                Interlocked.Increment(ref _getMore);
                break;
            default:
                Interlocked.Increment(ref _command);
                break;
        }
    }

    public void Inserted(long documents) => Interlocked.Add(ref _insert, documents);

    public void Updated(long documents) => Interlocked.Add(ref _update, documents);

    public void Deleted(long documents) => Interlocked.Add(ref _delete, documents);

    public BsonDocument OperationCounters() => new()
    {
        { "insert", Interlocked.Read(ref _insert) },
        { "query", Interlocked.Read(ref _query) },
        { "update", Interlocked.Read(ref _update) },
        { "delete", Interlocked.Read(ref _delete) },
        { "getmore", Interlocked.Read(ref _getMore) },
        { "command", Interlocked.Read(ref _command) },
    };
}
