using System.Collections.Concurrent;
using Tessera.Security.Certificates;

namespace Tessera.Server.Users;

/// <summary>Users kept in memory: for a server started without a database path (tests).</summary>
public sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<(string User, string Database), UserRecord> _users = new();
    private readonly Lock _writes = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool IsEmpty => _users.IsEmpty;

    public UserRecord? Find(string user, string database) => _users.GetValueOrDefault((user, database));

    public bool TryCreate(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Changed(_users.TryAdd((user.User, user.Database), user));
    }

    public bool TryUpdateRoles(string user, string database, Func<IReadOnlyList<MongoRole>, IReadOnlyList<MongoRole>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_writes)
        {
            if (!_users.TryGetValue((user, database), out var existing))
            {
                return false;
            }

            _users[(user, database)] = existing with { Roles = change(existing.Roles) };
            return Changed(true);
        }
    }

    public bool Drop(string user, string database) => Changed(_users.TryRemove((user, database), out _));

    public int DropAll(string database)
    {
        var dropped = _users.Keys.Where(k => k.Database == database).Count(k => _users.TryRemove(k, out _));
        Changed(dropped > 0);
        return dropped;
    }

    public IReadOnlyList<UserRecord> List(string? database) =>
        _users.Values.Where(u => database is null || u.Database == database).OrderBy(u => u.Database, StringComparer.Ordinal)
            .ThenBy(u => u.User, StringComparer.Ordinal).ToArray();

    private bool Changed(bool changed)
    {
        if (changed)
        {
            Interlocked.Increment(ref _generation);
        }

        return changed;
    }
}
