using MongoDB.Bson;
using Tessera.Security.Certificates;
using Tessera.Storage;

namespace Tessera.Server.Users;

/// <summary>
/// Users kept durably in admin.system.users, one document per user in mongod's shape
/// (<c>{_id: "$external.CN=alice,...", userId, user, db, credentials: {external: true}, roles: [{role, db}]}</c>).
/// </summary>
public sealed class StoredUserStore : IUserStore
{
    private static readonly NamespaceString Users = new("admin", "system.users");
    private readonly IStorageEngine _storage;

    private long _generation;

    public StoredUserStore(IStorageEngine storage) => _storage = storage;

    public long Generation => Interlocked.Read(ref _generation);

    public bool IsEmpty => _storage.Count(Users) == 0;

    public UserRecord? Find(string user, string database) =>
        _storage.FindById(Users, Id(user, database)) is { } document ? FromDocument(document) : null;

    public bool TryCreate(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            _storage.Insert(Users, ToDocument(user));
            Interlocked.Increment(ref _generation);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    public bool TryUpdateRoles(string user, string database, Func<IReadOnlyList<MongoRole>, IReadOnlyList<MongoRole>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // One transaction: the storage engine's single writer makes this read-modify-write atomic.
        using var transaction = _storage.BeginTransaction();
        if (transaction.FindById(Users, Id(user, database)) is not { } document)
        {
            return false;
        }

        var existing = FromDocument(document);
        transaction.Replace(Users, ToDocument(existing with { Roles = change(existing.Roles) }));
        transaction.Commit();
        Interlocked.Increment(ref _generation);
        return true;
    }

    public bool Drop(string user, string database)
    {
        var dropped = _storage.DeleteById(Users, Id(user, database));
        if (dropped)
        {
            Interlocked.Increment(ref _generation);
        }

        return dropped;
    }

    public int DropAll(string database)
    {
        using var transaction = _storage.BeginTransaction();
        var doomed = transaction.ScanInIdOrder(Users).Where(d => d["db"].AsString == database).Select(d => d["_id"]).ToArray();
        foreach (var id in doomed)
        {
            transaction.DeleteById(Users, id);
        }

        transaction.Commit();
        Interlocked.Increment(ref _generation);
        return doomed.Length;
    }

    public IReadOnlyList<UserRecord> List(string? database) =>
        _storage.ScanInIdOrder(Users).Select(FromDocument).Where(u => database is null || u.Database == database)
            .OrderBy(u => u.Database, StringComparer.Ordinal).ThenBy(u => u.User, StringComparer.Ordinal).ToArray();

    private static BsonString Id(string user, string database) => new($"{database}.{user}");

    private static BsonDocument ToDocument(UserRecord user) => new()
    {
        { "_id", Id(user.User, user.Database) },
        { "userId", new BsonBinaryData(user.UserId, GuidRepresentation.Standard) },
        { "user", user.User },
        { "db", user.Database },
        { "credentials", new BsonDocument("external", true) },
        { "roles", new BsonArray(user.Roles.Select(r => new BsonDocument { { "role", r.Role }, { "db", r.Db } })) },
    };

    private static UserRecord FromDocument(BsonDocument document) => new(
        document["user"].AsString,
        document["db"].AsString,
        document["roles"].AsBsonArray.Select(r => new MongoRole(r["role"].AsString, r["db"].AsString)).ToArray(),
        document["userId"].AsBsonBinaryData.ToGuid(GuidRepresentation.Standard));
}
