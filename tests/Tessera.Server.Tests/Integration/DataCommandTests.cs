using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>
/// The catalog, index and insert commands through the official MongoDB.Driver, over TLS with X.509 and auth on,
/// against a real SQLite data directory. (Reading back uses the storage engine until find exists.)
/// </summary>
public sealed class DataCommandTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public DataCommandTests(TestPki pki) => _pki = pki;

    private sealed record Order(int Id, string Customer, decimal Total);

    [Fact]
    public async Task InsertMany_with_typed_and_bson_documents_is_stored_and_listed()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var database = server.Client(_pki.Alice).GetDatabase("test");

        await database.GetCollection<Order>("orders").InsertManyAsync([new(1, "ann", 10.5m), new(2, "bob", 20m)]);
        var people = database.GetCollection<BsonDocument>("people");
        var withoutId = new BsonDocument("name", "carol");
        await people.InsertOneAsync(withoutId);

        var ns = new Storage.NamespaceString("test", "orders");
        Assert.Equal("bob", server.Storage.FindById(ns, 2)!["Customer"].AsString);
        Assert.Equal(2, server.Storage.Count(ns));
        Assert.IsType<BsonObjectId>(withoutId["_id"]); // the driver generated it; the server kept it
        Assert.NotNull(server.Storage.FindById(new Storage.NamespaceString("test", "people"), withoutId["_id"]));
        Assert.Equal(["orders", "people"], (await database.ListCollectionNamesAsync()).ToList().Order());
        Assert.Contains("test", (await server.Client(_pki.Alice).ListDatabaseNamesAsync()).ToList());
    }

    [Fact]
    public async Task A_unique_index_violation_is_a_duplicate_key_write_error_with_mongods_message()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var people = server.Client(_pki.Alice).GetDatabase("test").GetCollection<BsonDocument>("people");
        var name = await people.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending("email"), new CreateIndexOptions { Unique = true }));
        Assert.Equal("email_1", name);

        await people.InsertOneAsync(new BsonDocument { { "_id", 1 }, { "email", "ann@example.com" } });
        var error = await Assert.ThrowsAsync<MongoWriteException>(() => people.InsertOneAsync(new BsonDocument { { "_id", 2 }, { "email", "ann@example.com" } }));

        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
        Assert.Equal(11000, error.WriteError.Code);
        Assert.Equal("E11000 duplicate key error collection: test.people index: email_1 dup key: { email: \"ann@example.com\" }", error.WriteError.Message);
    }

    [Fact]
    public async Task Unordered_inserts_go_on_after_an_error_and_ordered_ones_stop()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var items = server.Client(_pki.Alice).GetDatabase("test").GetCollection<BsonDocument>("items");
        await items.InsertOneAsync(new BsonDocument("_id", 2));

        var unordered = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => items.InsertManyAsync(
            [new BsonDocument("_id", 1), new BsonDocument("_id", 2), new BsonDocument("_id", 3)], new InsertManyOptions { IsOrdered = false }));
        Assert.Equal([1], unordered.WriteErrors.Select(e => e.Index));
        Assert.Equal(3, server.Storage.Count(new Storage.NamespaceString("test", "items")));

        var ordered = await Assert.ThrowsAsync<MongoBulkWriteException<BsonDocument>>(() => items.InsertManyAsync(
            [new BsonDocument("_id", 4), new BsonDocument("_id", 1), new BsonDocument("_id", 5)]));
        Assert.Equal([1], ordered.WriteErrors.Select(e => e.Index));
        Assert.NotNull(server.Storage.FindById(new Storage.NamespaceString("test", "items"), 4));
        Assert.Null(server.Storage.FindById(new Storage.NamespaceString("test", "items"), 5));
    }

    [Fact]
    public async Task Indexes_are_listed_and_dropped_by_name_by_key_and_all_at_once()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var people = server.Client(_pki.Alice).GetDatabase("test").GetCollection<BsonDocument>("people");
        await people.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("last").Descending("age")),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("email"), new CreateIndexOptions { Unique = true, Sparse = true, Name = "by_email" }),
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("city")),
        ]);

        var listed = (await people.Indexes.ListAsync()).ToList();
        Assert.Equal(["_id_", "last_1_age_-1", "by_email", "city_1"], listed.Select(i => i["name"].AsString));
        Assert.True(listed[2]["unique"].AsBoolean);
        Assert.True(listed[2]["sparse"].AsBoolean);

        await people.Indexes.DropOneAsync("city_1");
        var missing = await Assert.ThrowsAsync<MongoCommandException>(() => people.Indexes.DropOneAsync("city_1"));
        Assert.Equal((27, "index not found with name [city_1]"), (missing.Code, missing.ErrorMessage));
        await people.Indexes.DropAllAsync();
        Assert.Equal(["_id_"], (await people.Indexes.ListAsync()).ToList().Select(i => i["name"].AsString));
    }

    [Fact]
    public async Task Create_and_drop_collections_and_databases()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true,
            users: WithUser(TestPki.AliceName, new Security.Certificates.MongoRole("dbOwner", "test"), new Security.Certificates.MongoRole("dbOwner", "scratch")));
        var client = server.Client(_pki.Alice);
        var database = client.GetDatabase("test");

        await database.CreateCollectionAsync("logs");
        var capped = await Assert.ThrowsAsync<MongoCommandException>(() => database.CreateCollectionAsync("ring", new CreateCollectionOptions { Capped = true, MaxSize = 4096 }));
        Assert.Equal(72, capped.Code);
        Assert.Contains("'capped' is not supported", capped.ErrorMessage, StringComparison.Ordinal);
        var exists = await Assert.ThrowsAsync<MongoCommandException>(() => database.CreateCollectionAsync("logs"));
        Assert.Equal(48, exists.Code);
        await database.DropCollectionAsync("logs");
        await database.DropCollectionAsync("logs"); // dropping what is not there is no error (mongod 7.0+)
        Assert.Empty((await database.ListCollectionNamesAsync()).ToList());

        await client.GetDatabase("scratch").GetCollection<BsonDocument>("tmp").InsertOneAsync(new BsonDocument("_id", 1));
        await client.DropDatabaseAsync("scratch");
        Assert.DoesNotContain("scratch", server.Storage.ListDatabaseNames());
    }

    [Fact]
    public async Task A_read_write_user_writes_only_in_its_database_and_sees_only_it()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        server.Storage.Insert(new Storage.NamespaceString("secret", "plans"), new BsonDocument("_id", 1));
        var client = server.Client(_pki.Alice); // readWrite on test

        await client.GetDatabase("test").GetCollection<BsonDocument>("mine").InsertOneAsync(new BsonDocument("_id", 1));
        var refused = await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("secret").GetCollection<BsonDocument>("plans").InsertOneAsync(new BsonDocument("_id", 2)));
        Assert.Equal(13, refused.Code);
        Assert.StartsWith("not authorized on secret to execute command { insert: \"plans\"", refused.ErrorMessage, StringComparison.Ordinal);

        Assert.Equal(["test"], (await client.ListDatabaseNamesAsync()).ToList());
        var listAll = await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument { { "listDatabases", 1 }, { "authorizedDatabases", false } }));
        Assert.Equal(13, listAll.Code);
        var collections = await Assert.ThrowsAsync<MongoCommandException>(() => client.GetDatabase("secret").ListCollectionNamesAsync());
        Assert.Equal(13, collections.Code);
    }

    [Fact]
    public async Task A_read_only_user_from_certificate_roles_cannot_write()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true); // reporter: read@reporting via mongoRoles
        server.Storage.Insert(new Storage.NamespaceString("reporting", "daily"), new BsonDocument("_id", 1));
        var reporting = server.Client(_pki.WithRoles).GetDatabase("reporting");

        Assert.Equal(["daily"], (await reporting.ListCollectionNamesAsync()).ToList());
        var refused = await Assert.ThrowsAsync<MongoCommandException>(() => reporting.GetCollection<BsonDocument>("daily").InsertOneAsync(new BsonDocument("_id", 2)));
        Assert.Equal(13, refused.Code);
        var index = await Assert.ThrowsAsync<MongoCommandException>(() => reporting.GetCollection<BsonDocument>("daily").Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("x"))));
        Assert.Equal(13, index.Code);
    }

    [Fact]
    public async Task System_collections_and_the_admin_database_are_the_servers_own()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true, users: WithUser(TestPki.AliceName, new Security.Certificates.MongoRole("root", "admin")));
        var admin = server.Client(_pki.Alice).GetDatabase("admin");

        var write = await Assert.ThrowsAsync<MongoCommandException>(() => admin.GetCollection<BsonDocument>("system.users").InsertOneAsync(new BsonDocument("_id", "x")));
        Assert.Equal(73, write.Code);
        var drop = await Assert.ThrowsAsync<MongoCommandException>(() => admin.RunCommandAsync<BsonDocument>(new BsonDocument("dropDatabase", 1)));
        Assert.Equal(20, drop.Code);
        Assert.Contains("dropAllUsersFromDatabase", drop.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_index_options_and_bad_names_get_clear_errors()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var test = server.Client(_pki.Alice).GetDatabase("test");

        var ttl = await Assert.ThrowsAsync<MongoCommandException>(() => test.GetCollection<BsonDocument>("events").Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("at"), new CreateIndexOptions { ExpireAfter = TimeSpan.FromHours(1) })));
        Assert.Equal((197, "InvalidIndexSpecificationOption"), (ttl.Code, ttl.CodeName));
        Assert.Contains("expireAfterSeconds", ttl.ErrorMessage, StringComparison.Ordinal);

        var badName = await Assert.ThrowsAsync<MongoCommandException>(() => test.RunCommandAsync<BsonDocument>(
            new BsonDocument { { "insert", "a$b" }, { "documents", new BsonArray { new BsonDocument("_id", 1) } } }));
        Assert.Equal(73, badName.Code);
    }

    [Fact]
    public async Task A_listing_larger_than_its_batch_continues_with_get_more_for_its_owner_only()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        server.Users.TryCreate(new Users.UserRecord("CN=bob,OU=Clients,O=Acme", "$external", [new("readWrite", "test")], Guid.NewGuid()));
        var test = server.Client(_pki.Alice).GetDatabase("test");
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await test.CreateCollectionAsync(name);
        }

        var cursor = await test.ListCollectionsAsync(new ListCollectionsOptions { BatchSize = 2 });
        Assert.Equal(["a", "b", "c", "d", "e"], (await cursor.ToListAsync()).Select(c => c["name"].AsString).Order());

        var first = await test.RunCommandAsync<BsonDocument>(new BsonDocument { { "listCollections", 1 }, { "nameOnly", true }, { "cursor", new BsonDocument("batchSize", 2) } });
        var id = first["cursor"]["id"].AsInt64;
        Assert.NotEqual(0, id);
        var getMore = new BsonDocument { { "getMore", id }, { "collection", "$cmd.listCollections" }, { "batchSize", 2 } };
        var stolen = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.Bob).GetDatabase("test").RunCommandAsync<BsonDocument>(getMore));
        Assert.Equal(13, stolen.Code);
        var next = await test.RunCommandAsync<BsonDocument>(getMore);
        Assert.Equal(2, next["cursor"]["nextBatch"].AsBsonArray.Count);
        var killed = await test.RunCommandAsync<BsonDocument>(new BsonDocument { { "killCursors", "$cmd.listCollections" }, { "cursors", new BsonArray { id } } });
        Assert.Equal(new BsonArray { id }, killed["cursorsKilled"]);
        var gone = await Assert.ThrowsAsync<MongoCommandException>(() => test.RunCommandAsync<BsonDocument>(getMore));
        Assert.Equal((43, "CursorNotFound"), (gone.Code, gone.CodeName));
    }

    [Fact]
    public async Task Rename_moves_a_collection_with_its_indexes_and_needs_the_rights_on_both_sides()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true,
            users: WithUser(TestPki.AliceName, new Security.Certificates.MongoRole("readWrite", "test"), new Security.Certificates.MongoRole("dbAdmin", "test")));
        var client = server.Client(_pki.Alice);
        var test = client.GetDatabase("test");
        await test.GetCollection<BsonDocument>("draft").InsertOneAsync(new BsonDocument("_id", 1));
        await test.GetCollection<BsonDocument>("draft").Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("x")));

        await test.RenameCollectionAsync("draft", "final");
        Assert.Equal(["final"], (await test.ListCollectionNamesAsync()).ToList());
        Assert.Equal(["_id_", "x_1"], (await test.GetCollection<BsonDocument>("final").Indexes.ListAsync()).ToList().Select(i => i["name"].AsString));

        var elsewhere = await Assert.ThrowsAsync<MongoCommandException>(() => client.GetDatabase("admin").RunCommandAsync<BsonDocument>(
            new BsonDocument { { "renameCollection", "test.final" }, { "to", "other.final" } }));
        Assert.Equal(13, elsewhere.Code);
        var missing = await Assert.ThrowsAsync<MongoCommandException>(() => test.RenameCollectionAsync("nothing", "something"));
        Assert.Equal(26, missing.Code);
    }

    [Fact]
    public async Task Statistics_report_connections_operations_and_sizes()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true, users: WithUser(TestPki.AliceName, new Security.Certificates.MongoRole("root", "admin")));
        var client = server.Client(_pki.Alice);
        var items = client.GetDatabase("test").GetCollection<BsonDocument>("items");
        await items.InsertManyAsync(Enumerable.Range(0, 10).Select(i => new BsonDocument { { "_id", i }, { "name", new string('n', i) } }));
        await items.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("name")));

        var status = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1));
        Assert.Equal(10, status["opcounters"]["insert"].ToInt64());
        Assert.True(status["connections"]["current"].ToInt32() >= 1);
        Assert.Equal("mongod", status["process"].AsString);

        var collection = await client.GetDatabase("test").RunCommandAsync<BsonDocument>(new BsonDocument("collStats", "items"));
        Assert.Equal(10, collection["count"].ToInt64());
        Assert.Equal(2, collection["nindexes"].ToInt32());
        Assert.True(collection["indexSizes"]["name_1"].ToInt64() > 0);
        var database = await client.GetDatabase("test").RunCommandAsync<BsonDocument>(new BsonDocument("dbStats", 1));
        Assert.Equal(1, database["collections"].ToInt32());
        Assert.Equal(10, database["objects"].ToInt64());
        Assert.Equal(collection["size"].ToDouble(), database["dataSize"].ToDouble());
        var missing = await Assert.ThrowsAsync<MongoCommandException>(() => client.GetDatabase("test").RunCommandAsync<BsonDocument>(new BsonDocument("collStats", "nope")));
        Assert.Equal((26, "Collection [test.nope] not found."), (missing.Code, missing.ErrorMessage));

        var reader = await Assert.ThrowsAsync<MongoCommandException>(() => server.Client(_pki.WithRoles).GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("serverStatus", 1)));
        Assert.Equal(13, reader.Code);
    }

    [Fact]
    public async Task A_user_without_roles_lists_nothing_and_reads_nothing()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        server.Users.TryCreate(new Users.UserRecord("CN=bob,OU=Clients,O=Acme", "$external", [], Guid.NewGuid()));
        server.Storage.Insert(new Storage.NamespaceString("test", "things"), new BsonDocument("_id", 1));
        var bob = server.Client(_pki.Bob);

        Assert.Empty((await bob.ListDatabaseNamesAsync()).ToList());
        Assert.Equal(13, (await Assert.ThrowsAsync<MongoCommandException>(() => bob.GetDatabase("test").ListCollectionNamesAsync())).Code);
        var authorized = await bob.GetDatabase("test").RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "listCollections", 1 }, { "nameOnly", true }, { "authorizedCollections", true },
        });
        Assert.Empty(authorized["cursor"]["firstBatch"].AsBsonArray);
        Assert.Equal(13, (await Assert.ThrowsAsync<MongoCommandException>(() =>
            bob.GetDatabase("test").GetCollection<BsonDocument>("things").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())).Code);
    }

    [Fact]
    public async Task Catalog_listings_take_query_filters()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true, users: WithUser(TestPki.AliceName, new Security.Certificates.MongoRole("root", "admin")));
        var client = server.Client(_pki.Alice);
        foreach (var name in new[] { "alpha", "beta", "gamma" })
        {
            await client.GetDatabase("test").CreateCollectionAsync(name);
        }

        await client.GetDatabase("other").CreateCollectionAsync("x");
        var filtered = await client.GetDatabase("test").ListCollectionNamesAsync(new ListCollectionNamesOptions
        {
            Filter = new BsonDocument("name", new BsonDocument("$in", new BsonArray { "alpha", "gamma", "delta" })),
        });
        Assert.Equal(["alpha", "gamma"], (await filtered.ToListAsync()).Order());
        var databases = await client.ListDatabaseNamesAsync(new ListDatabaseNamesOptions { Filter = new BsonDocument("name", new BsonRegularExpression("^oth")) });
        Assert.Equal(["other"], await databases.ToListAsync());
    }

    [Fact]
    public async Task An_unacknowledged_insert_is_still_written()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var items = server.Client(_pki.Alice).GetDatabase("test").GetCollection<BsonDocument>("items").WithWriteConcern(WriteConcern.Unacknowledged);
        await items.InsertOneAsync(new BsonDocument("_id", "fire-and-forget"));

        var ns = new Storage.NamespaceString("test", "items");
        for (var waited = 0; waited < 5000 && server.Storage.FindById(ns, "fire-and-forget") is null; waited += 50)
        {
            await Task.Delay(50);
        }

        Assert.NotNull(server.Storage.FindById(ns, "fire-and-forget"));
    }

    private static Users.InMemoryUserStore WithUser(string name, params Security.Certificates.MongoRole[] roles)
    {
        var users = new Users.InMemoryUserStore();
        users.TryCreate(new Users.UserRecord(name, "$external", roles, Guid.NewGuid()));
        return users;
    }
}
