using MongoDB.Bson;
using Tessera.Security.Certificates;

namespace Tessera.Server.Authorization;

/// <summary>A role on a database, as MongoDB's <c>RoleName</c>; both parts are case-sensitive.</summary>
public readonly record struct RoleName(string Role, string Db)
{
    /// <summary>A role carried by a client certificate's mongoRoles extension.</summary>
    public static RoleName FromCertificate(MongoRole role) => new(role.Role, role.Db);

    /// <summary><c>{role, db}</c>, as <c>connectionStatus</c> lists <c>authenticatedUserRoles</c>.</summary>
    public BsonDocument ToBsonDocument() => new() { { "role", Role }, { "db", Db } };

    /// <summary><c>role@db</c>, the form mongod uses in messages.</summary>
    public override string ToString() => $"{Role}@{Db}";
}
