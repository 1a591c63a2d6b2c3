using System.Collections.Concurrent;

namespace Tessera.Server.Users;

/// <summary>Users kept in memory: for a server started without a database path (tests).</summary>
public sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<(string User, string Database), UserRecord> _users = new();

    public bool IsEmpty => _users.IsEmpty;

    public UserRecord? Find(string user, string database) => _users.GetValueOrDefault((user, database));

    public bool TryCreate(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _users.TryAdd((user.User, user.Database), user);
    }

    public bool TryUpdate(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = (user.User, user.Database);
        return _users.TryGetValue(key, out var existing) && _users.TryUpdate(key, user, existing);
    }

    public bool Drop(string user, string database) => _users.TryRemove((user, database), out _);

    public int DropAll(string database) =>
        _users.Keys.Where(k => k.Database == database).Count(k => _users.TryRemove(k, out _));

    public IReadOnlyList<UserRecord> List(string? database) =>
        _users.Values.Where(u => database is null || u.Database == database).OrderBy(u => u.Database, StringComparer.Ordinal)
            .ThenBy(u => u.User, StringComparer.Ordinal).ToArray();
}
