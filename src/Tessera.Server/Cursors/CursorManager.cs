using System.Collections.Concurrent;
using System.Security.Cryptography;
using MongoDB.Bson;
using Tessera.Server.Commands;

namespace Tessera.Server.Cursors;

/// <summary>
/// The server's open cursors: where a first batch leaves the rest of a result, for getMore and killCursors.
/// A cursor belongs to the user that opened it and to its namespace; one left idle longer than the cursor timeout
/// is closed (mongod's cursorTimeoutMillis, 10 minutes), so an abandoned cursor cannot hold storage forever.
/// </summary>
public sealed class CursorManager : IDisposable
{
    private readonly ConcurrentDictionary<long, ServerCursor> _cursors = new();
    private readonly TimeProvider _time;
    private readonly ITimer _reaper;

    public CursorManager(TimeProvider time, TimeSpan idleTimeout)
    {
        _time = time;
        IdleTimeout = idleTimeout;
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, Math.Min(idleTimeout.Ticks, TimeSpan.FromMinutes(1).Ticks)));
        _reaper = time.CreateTimer(_ => CloseIdle(), null, every, every);
    }

    public TimeSpan IdleTimeout { get; }

    public int Count => _cursors.Count;

    /// <summary>
    /// Keeps what is left of a result under a new cursor id (positive, random, never 0). The cursor comes in use,
    /// for the caller's first batch; <see cref="Release"/> it after.
    /// </summary>
    internal ServerCursor Open(string ns, string? owner, IEnumerator<BsonDocument> rest, bool noTimeout)
    {
        while (true)
        {
            var id = RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue);
            var cursor = new ServerCursor(id, ns, owner, rest, noTimeout, _time.GetUtcNow()) { InUse = true };
            if (_cursors.TryAdd(id, cursor))
            {
                return cursor;
            }
        }
    }

    /// <summary>The cursor, marked in use, or the reason it cannot be used by this caller.</summary>
    internal ServerCursor Acquire(long id, string ns, string? user)
    {
        if (!_cursors.TryGetValue(id, out var cursor))
        {
            throw new CommandException(ErrorCode.CursorNotFound, $"cursor id {id} not found");
        }

        lock (cursor)
        {
            if (cursor.Owner != user)
            {
                throw new CommandException(ErrorCode.Unauthorized, $"cursor id {id} was not created by the authenticated user");
            }

            if (cursor.Namespace != ns)
            {
                throw new CommandException(ErrorCode.Unauthorized,
                    $"Requested getMore on namespace '{ns}', but cursor belongs to a different namespace {cursor.Namespace}");
            }

            if (cursor.InUse)
            {
                throw new CommandException(ErrorCode.CursorInUse, $"cursor id {id} is already in use");
            }

            cursor.InUse = true;
            return cursor;
        }
    }

    /// <summary>Ends a getMore: an exhausted cursor is closed, another is kept with a fresh idle clock.</summary>
    internal void Release(ServerCursor cursor)
    {
        lock (cursor)
        {
            cursor.InUse = false;
            cursor.LastUsed = _time.GetUtcNow();
        }

        if (cursor.Exhausted)
        {
            Close(cursor.Id);
        }
    }

    /// <summary>killCursors: closes the cursor if this user may; false when there is none.</summary>
    internal bool Kill(long id, string ns, string? user)
    {
        if (!_cursors.TryGetValue(id, out var cursor) || cursor.Namespace != ns)
        {
            return false;
        }

        if (cursor.Owner != user)
        {
            throw new CommandException(ErrorCode.Unauthorized, $"cursor id {id} was not created by the authenticated user");
        }

        return Close(id);
    }

    /// <summary>Closes cursors idle longer than the timeout; returns how many.</summary>
    public int CloseIdle()
    {
        var now = _time.GetUtcNow();
        var closed = 0;
        foreach (var cursor in _cursors.Values)
        {
            bool idle;
            lock (cursor)
            {
                idle = !cursor.InUse && !cursor.NoTimeout && now - cursor.LastUsed > IdleTimeout;
            }

            if (idle && Close(cursor.Id))
            {
                closed++;
            }
        }

        return closed;
    }

    public void Dispose()
    {
        _reaper.Dispose();
        foreach (var id in _cursors.Keys)
        {
            Close(id);
        }
    }

    private bool Close(long id)
    {
        if (!_cursors.TryRemove(id, out var cursor))
        {
            return false;
        }

        cursor.Dispose();
        return true;
    }
}
