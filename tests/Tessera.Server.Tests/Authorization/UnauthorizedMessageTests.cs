using MongoDB.Bson;
using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>mongod's code 13 texts, with the command printed as BSONObj::toString prints it.</summary>
public class UnauthorizedMessageTests
{
    [Fact]
    public void Prints_an_insert_as_a_driver_sends_it()
    {
        var command = new BsonDocument
        {
            { "insert", "c" },
            { "ordered", true },
            { "lsid", new BsonDocument("id", new BsonBinaryData(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), GuidRepresentation.Standard)) },
            { "$db", "test" },
        };

        Assert.Equal(
            "not authorized on test to execute command { insert: \"c\", ordered: true, lsid: { id: UUID(\"0f8fad5b-d9cb-469f-a165-70867728950e\") }, $db: \"test\" }",
            UnauthorizedMessage.NotAuthorized("test", command));
    }

    [Fact]
    public void Prints_nested_documents_arrays_and_integers()
    {
        var command = new BsonDocument
        {
            { "find", "c" },
            { "filter", new BsonDocument("a", new BsonDocument("$in", new BsonArray { 1, 2 })) },
            { "limit", 1L },
            { "$db", "test" },
        };

        Assert.Equal(
            "not authorized on test to execute command { find: \"c\", filter: { a: { $in: [ 1, 2 ] } }, limit: 1, $db: \"test\" }",
            UnauthorizedMessage.NotAuthorized("test", command));
    }

    [Fact]
    public void Appends_db_to_a_body_without_it_and_prints_empty_values_closed()
    {
        var command = new BsonDocument { { "listCollections", 1 }, { "filter", new BsonDocument() }, { "names", new BsonArray() } };

        Assert.Equal(
            "not authorized on admin to execute command { listCollections: 1, filter: {}, names: [], $db: \"admin\" }",
            UnauthorizedMessage.NotAuthorized("admin", command));
    }

    [Fact]
    public void Prints_a_cluster_time_with_its_timestamp_and_binary_hash()
    {
        var command = new BsonDocument
        {
            { "serverStatus", 1.0 },
            {
                "$clusterTime", new BsonDocument
                {
                    { "clusterTime", new BsonTimestamp(1_700_000_000, 3) },
                    { "signature", new BsonDocument { { "hash", new BsonBinaryData(new byte[20]) }, { "keyId", 0L } } },
                }
            },
            { "$db", "admin" },
        };

        Assert.Equal(
            "not authorized on admin to execute command { serverStatus: 1.0, $clusterTime: { clusterTime: Timestamp(1700000000, 3), " +
            "signature: { hash: BinData(0, 0000000000000000000000000000000000000000), keyId: 0 } }, $db: \"admin\" }",
            UnauthorizedMessage.NotAuthorized("admin", command));
    }

    [Fact]
    public void Hides_the_password_of_a_user_command()
    {
        var command = new BsonDocument { { "createUser", "alice" }, { "pwd", "secret" }, { "roles", new BsonArray() }, { "$db", "test" } };

        var message = UnauthorizedMessage.NotAuthorized("test", command);

        Assert.Equal("not authorized on test to execute command { createUser: \"alice\", pwd: \"xxx\", roles: [], $db: \"test\" }", message);
        Assert.Equal("secret", command["pwd"].AsString);
    }

    [Fact]
    public void Says_a_command_requires_authentication()
    {
        Assert.Equal("Command insert requires authentication", UnauthorizedMessage.RequiresAuthentication("insert"));
        Assert.Equal(13, UnauthorizedMessage.Code);
        Assert.Equal("Unauthorized", UnauthorizedMessage.CodeName);
    }
}
