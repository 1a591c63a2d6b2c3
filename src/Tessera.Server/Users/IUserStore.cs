namespace Tessera.Server.Users;

/// <summary>Where users live. The durable implementation keeps them in admin.system.users in the storage engine.</summary>
public interface IUserStore
{
    UserRecord? Find(string user, string database);

    /// <summary>True when no user exists at all: the localhost exception applies.</summary>
    bool IsEmpty { get; }

    /// <summary>Adds a user; false when one with that name already exists on that database.</summary>
    bool TryCreate(UserRecord user);

    /// <summary>Changes a user's roles atomically (no concurrent change is lost); false when there is no such user.</summary>
    bool TryUpdateRoles(string user, string database, Func<IReadOnlyList<Tessera.Security.Certificates.MongoRole>, IReadOnlyList<Tessera.Security.Certificates.MongoRole>> change);

    /// <summary>Increases with every change, so logged-in connections notice that their user changed.</summary>
    long Generation { get; }

    bool Drop(string user, string database);

    int DropAll(string database);

    IReadOnlyList<UserRecord> List(string? database);
}
