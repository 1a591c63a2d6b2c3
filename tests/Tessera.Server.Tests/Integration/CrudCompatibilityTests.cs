using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;
using Tessera.Server.Tests.Support;

namespace Tessera.Server.Tests.Integration;

/// <summary>
/// The official MongoDB.Driver's CRUD API, typed and BsonDocument, against Tessera over TLS with X.509 and auth on,
/// on a real SQLite data directory: what an application does every day.
/// </summary>
public sealed class CrudCompatibilityTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public CrudCompatibilityTests(TestPki pki) => _pki = pki;

    public sealed class Product
    {
        [BsonId]
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Category { get; set; } = string.Empty;

        public decimal Price { get; set; }

        public List<string> Tags { get; set; } = [];

        public int Stock { get; set; }
    }

    private static List<Product> Catalog() =>
    [
        new() { Id = 1, Name = "pen", Category = "office", Price = 1.5m, Tags = ["blue", "cheap"], Stock = 100 },
        new() { Id = 2, Name = "desk", Category = "furniture", Price = 250m, Tags = ["wood"], Stock = 3 },
        new() { Id = 3, Name = "chair", Category = "furniture", Price = 80m, Tags = ["wood", "cheap"], Stock = 12 },
        new() { Id = 4, Name = "stapler", Category = "office", Price = 12m, Tags = [], Stock = 0 },
        new() { Id = 5, Name = "lamp", Category = "lighting", Price = 40m, Tags = ["led"], Stock = 7 },
    ];

    private async Task<(RunningServer Server, IMongoCollection<Product> Products)> StartWithCatalog()
    {
        var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var products = server.Client(_pki.Alice).GetDatabase("test").GetCollection<Product>("products");
        await products.InsertManyAsync(Catalog());
        return (server, products);
    }

    [Fact]
    public async Task Find_with_filters_sort_skip_limit_and_projection()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var filter = Builders<Product>.Filter;

        var cheapFurniture = await products.Find(filter.Eq(p => p.Category, "furniture") & filter.Lt(p => p.Price, 100m)).ToListAsync();
        Assert.Equal(["chair"], cheapFurniture.Select(p => p.Name));

        var byPrice = await products.Find(filter.Empty).SortByDescending(p => p.Price).Skip(1).Limit(2).ToListAsync();
        Assert.Equal(["chair", "lamp"], byPrice.Select(p => p.Name));

        var tagged = await products.Find(filter.AnyEq(p => p.Tags, "cheap")).SortBy(p => p.Id).ToListAsync();
        Assert.Equal([1, 3], tagged.Select(p => p.Id));

        var inOrRegex = await products.Find(filter.In(p => p.Name, ["pen", "lamp"]) | filter.Regex(p => p.Name, new BsonRegularExpression("^st"))).SortBy(p => p.Id).ToListAsync();
        Assert.Equal([1, 4, 5], inOrRegex.Select(p => p.Id));

        var names = await products.Find(filter.Gte(p => p.Stock, 7)).Project(Builders<Product>.Projection.Include(p => p.Name).Exclude(p => p.Id))
            .Sort(Builders<Product>.Sort.Ascending(p => p.Name)).ToListAsync();
        Assert.Equal([new BsonDocument("Name", "chair"), new BsonDocument("Name", "lamp"), new BsonDocument("Name", "pen")], names);

        var empty = await products.Find(filter.Size(p => p.Tags, 0)).SingleAsync();
        Assert.Equal("stapler", empty.Name);
    }

    [Fact]
    public async Task Update_many_with_operators_update_one_with_positional_and_upserts()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var filter = Builders<Product>.Filter;
        var update = Builders<Product>.Update;

        var raised = await products.UpdateManyAsync(filter.Eq(p => p.Category, "office"), update.Mul(p => p.Price, 2m).Inc(p => p.Stock, 10).AddToSet(p => p.Tags, "office"));
        Assert.Equal((2, 2), (raised.MatchedCount, raised.ModifiedCount));
        var pen = await products.Find(p => p.Id == 1).SingleAsync();
        Assert.Equal((3m, 110), (pen.Price, pen.Stock));
        Assert.Equal(["blue", "cheap", "office"], pen.Tags);

        var renamed = await products.UpdateOneAsync(filter.Eq(p => p.Id, 3) & filter.AnyEq(p => p.Tags, "cheap"), update.Set("Tags.$", "bargain"));
        Assert.Equal(1, renamed.ModifiedCount);
        Assert.Equal(["wood", "bargain"], (await products.Find(p => p.Id == 3).SingleAsync()).Tags);

        var unchanged = await products.UpdateOneAsync(filter.Eq(p => p.Id, 2), update.Set(p => p.Stock, 3));
        Assert.Equal((1, 0), (unchanged.MatchedCount, unchanged.ModifiedCount));

        var upserted = await products.UpdateOneAsync(filter.Eq(p => p.Name, "shelf"), update.SetOnInsert(p => p.Id, 9).Set(p => p.Price, 60m), new UpdateOptions { IsUpsert = true });
        Assert.Equal(9, upserted.UpsertedId.AsInt32);
        Assert.Equal(("shelf", 60m), (await products.Find(p => p.Id == 9).SingleAsync() is var shelf ? (shelf.Name, shelf.Price) : default));

        var replaced = await products.ReplaceOneAsync(p => p.Id == 5, new Product { Id = 5, Name = "lamp", Category = "lighting", Price = 35m });
        Assert.Equal(1, replaced.ModifiedCount);
        var immutable = await Assert.ThrowsAsync<MongoWriteException>(() =>
            products.Database.GetCollection<BsonDocument>("products").UpdateOneAsync(new BsonDocument("_id", 5), new BsonDocument("$set", new BsonDocument("_id", 6))));
        Assert.Equal(66, immutable.WriteError.Code);
    }

    [Fact]
    public async Task Delete_count_distinct_and_find_one_and_update()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var filter = Builders<Product>.Filter;

        Assert.Equal(2, await products.CountDocumentsAsync(filter.Eq(p => p.Category, "furniture")));
        Assert.Equal(5, await products.EstimatedDocumentCountAsync());
        Assert.Equal(["furniture", "lighting", "office"], (await products.DistinctAsync(p => p.Category, filter.Empty)).ToList());
        Assert.Equal(["blue", "cheap", "led", "wood"], (await products.DistinctAsync<string>("Tags", filter.Empty)).ToList());

        var before = await products.FindOneAndUpdateAsync(filter.Eq(p => p.Name, "desk"), Builders<Product>.Update.Inc(p => p.Stock, -1));
        Assert.Equal(3, before.Stock);
        var after = await products.FindOneAndUpdateAsync(filter.Eq(p => p.Name, "desk"), Builders<Product>.Update.Inc(p => p.Stock, -1),
            new FindOneAndUpdateOptions<Product> { ReturnDocument = ReturnDocument.After });
        Assert.Equal(1, after.Stock);
        var cheapest = await products.FindOneAndDeleteAsync(filter.Empty, new FindOneAndDeleteOptions<Product> { Sort = Builders<Product>.Sort.Ascending(p => p.Price) });
        Assert.Equal("pen", cheapest.Name);

        var deleted = await products.DeleteManyAsync(filter.Lt(p => p.Stock, 5));
        Assert.Equal(2, deleted.DeletedCount); // the stapler (0) and the desk (1)
        Assert.Equal(["chair", "lamp"], (await products.Find(filter.Empty).SortBy(p => p.Name).ToListAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task Aggregate_with_match_group_sort_unwind_and_lookup()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var orders = products.Database.GetCollection<BsonDocument>("orders");
        await orders.InsertManyAsync([new BsonDocument { { "_id", 1 }, { "product", 2 }, { "qty", 1 } }, new BsonDocument { { "_id", 2 }, { "product", 1 }, { "qty", 30 } }]);

        var byCategory = await products.Aggregate()
            .Group(p => p.Category, g => new { Category = g.Key, Count = g.Count(), Value = g.Sum(p => p.Price * p.Stock) })
            .SortBy(g => g.Category)
            .ToListAsync();
        Assert.Equal(["furniture", "lighting", "office"], byCategory.Select(g => g.Category));
        Assert.Equal((2, 250m * 3 + 80m * 12), (byCategory[0].Count, byCategory[0].Value));

        var tags = await products.Database.GetCollection<BsonDocument>("products").Aggregate()
            .Unwind("Tags").Group(new BsonDocument { { "_id", "$Tags" }, { "n", new BsonDocument("$sum", 1) } }).Sort(new BsonDocument { { "n", -1 }, { "_id", 1 } }).Limit(2).ToListAsync();
        Assert.Equal([new BsonDocument { { "_id", "cheap" }, { "n", 2 } }, new BsonDocument { { "_id", "wood" }, { "n", 2 } }], tags);

        var joined = await orders.Aggregate()
            .Lookup("products", "product", "_id", "item")
            .Project(new BsonDocument { { "_id", 1 }, { "name", new BsonDocument("$arrayElemAt", new BsonArray { "$item.Name", 0 }) } })
            .Sort(new BsonDocument("_id", 1)).ToListAsync();
        Assert.Equal([new BsonDocument { { "_id", 1 }, { "name", "desk" } }, new BsonDocument { { "_id", 2 }, { "name", "pen" } }], joined);
    }

    [Fact]
    public async Task A_cursor_returns_a_large_result_across_several_batches()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true);
        var items = server.Client(_pki.Alice).GetDatabase("test").GetCollection<BsonDocument>("items");
        await items.InsertManyAsync(Enumerable.Range(0, 1000).Select(i => new BsonDocument { { "_id", i }, { "even", i % 2 == 0 } }));

        var cursor = await items.FindAsync(new BsonDocument("even", true), new FindOptions<BsonDocument> { BatchSize = 64, Sort = new BsonDocument("_id", -1) });
        var seen = new List<int>();
        var batches = 0;
        while (await cursor.MoveNextAsync())
        {
            batches++;
            seen.AddRange(cursor.Current.Select(d => d["_id"].AsInt32));
        }

        Assert.Equal(Enumerable.Range(0, 500).Select(i => 998 - (2 * i)), seen);
        Assert.True(batches >= 8, $"{batches} batches");
        Assert.True(server.Logged(0) is false);
        Assert.Equal(0, server.Context.Cursors.Count); // an exhausted cursor is closed
    }

    [Fact]
    public async Task A_unique_index_violation_by_an_update_is_a_duplicate_key_error()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        await products.Indexes.CreateOneAsync(new CreateIndexModel<Product>(Builders<Product>.IndexKeys.Ascending(p => p.Name), new CreateIndexOptions { Unique = true }));

        var error = await Assert.ThrowsAsync<MongoWriteException>(() => products.UpdateOneAsync(p => p.Id == 1, Builders<Product>.Update.Set(p => p.Name, "desk")));
        Assert.Equal(ServerErrorCategory.DuplicateKey, error.WriteError.Category);
        Assert.Equal("E11000 duplicate key error collection: test.products index: Name_1 dup key: { Name: \"desk\" }", error.WriteError.Message);
        Assert.Equal("pen", (await products.Find(p => p.Id == 1).SingleAsync()).Name);
    }

    [Fact]
    public async Task Explain_shows_an_id_lookup_an_index_range_or_a_collection_scan()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        await products.Indexes.CreateOneAsync(new CreateIndexModel<Product>(Builders<Product>.IndexKeys.Ascending(p => p.Price)));
        var database = products.Database;

        async Task<BsonDocument> Explain(BsonDocument filter) =>
            await database.RunCommandAsync<BsonDocument>(new BsonDocument
            {
                { "explain", new BsonDocument { { "find", "products" }, { "filter", filter } } },
                { "verbosity", "executionStats" },
            });

        var byId = await Explain(new BsonDocument("_id", 3));
        Assert.Equal("IDHACK", byId["queryPlanner"]["winningPlan"]["stage"].AsString);
        Assert.Equal(1, byId["executionStats"]["totalDocsExamined"].ToInt64());

        var byPrice = await Explain(new BsonDocument("Price", new BsonDocument("$gte", 80)));
        var scan = byPrice["queryPlanner"]["winningPlan"]["inputStage"];
        Assert.Equal(("IXSCAN", "Price_1"), (scan["stage"].AsString, scan["indexName"].AsString));
        Assert.Equal(2, byPrice["executionStats"]["nReturned"].ToInt64());
        Assert.Equal(2, byPrice["executionStats"]["totalDocsExamined"].ToInt64()); // only the index range was read

        var byName = await Explain(new BsonDocument("Name", "lamp"));
        Assert.Equal("COLLSCAN", byName["queryPlanner"]["winningPlan"]["stage"].AsString);
        Assert.Equal(5, byName["executionStats"]["totalDocsExamined"].ToInt64());
    }

    [Fact]
    public async Task Unsupported_collations_and_transactions_are_refused_not_ignored()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var german = await Assert.ThrowsAsync<MongoCommandException>(() =>
            products.Find(Builders<Product>.Filter.Empty, new FindOptions { Collation = new Collation("de") }).ToListAsync());
        Assert.Equal(2, german.Code);
        Assert.Single(await products.Find(p => p.Id == 1, new FindOptions { Collation = Collation.Simple }).ToListAsync());

        var transaction = await Assert.ThrowsAsync<MongoCommandException>(() => products.Database.RunCommandAsync<BsonDocument>(new BsonDocument
        {
            { "insert", "products" }, { "documents", new BsonArray { new BsonDocument("_id", 99) } }, { "txnNumber", 1L },
        }));
        Assert.Equal((20, "Transaction numbers are only allowed on a replica set member or mongos"), (transaction.Code, transaction.ErrorMessage));
    }

    [Fact]
    public async Task An_error_while_the_result_is_produced_carries_the_executors_prefix_and_leaves_no_cursor()
    {
        var (server, products) = await StartWithCatalog();
        await using var _ = server;
        var error = await Assert.ThrowsAsync<MongoCommandException>(() => products.Database.GetCollection<BsonDocument>("products").Aggregate()
            .Project(new BsonDocument("ratio", new BsonDocument("$divide", new BsonArray { "$Price", "$Stock" }))).ToListAsync());
        Assert.StartsWith("PlanExecutor error during aggregation :: caused by :: ", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("divide by zero", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.Context.Cursors.Count);
    }

    [Fact]
    public async Task A_read_user_reads_its_database_only_and_cannot_write()
    {
        await using var server = await RunningServer.StartAsync(_pki, withStorage: true); // reporter: read@reporting
        server.Storage.Insert(new Storage.NamespaceString("reporting", "daily"), new BsonDocument { { "_id", 1 }, { "total", 10 } });
        server.Storage.Insert(new Storage.NamespaceString("finance", "ledger"), new BsonDocument("_id", 1));
        var client = server.Client(_pki.WithRoles);

        var daily = client.GetDatabase("reporting").GetCollection<BsonDocument>("daily");
        Assert.Equal(10, (await daily.Find(FilterDefinition<BsonDocument>.Empty).SingleAsync())["total"].AsInt32);
        Assert.Equal(1, await daily.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
        Assert.Equal(13, (await Assert.ThrowsAsync<MongoCommandException>(() => daily.UpdateOneAsync(new BsonDocument("_id", 1), new BsonDocument("$set", new BsonDocument("total", 0))))).Code);
        Assert.Equal(13, (await Assert.ThrowsAsync<MongoCommandException>(() => daily.DeleteOneAsync(new BsonDocument("_id", 1)))).Code);
        Assert.Equal(13, (await Assert.ThrowsAsync<MongoCommandException>(() =>
            client.GetDatabase("finance").GetCollection<BsonDocument>("ledger").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())).Code);
        Assert.Equal(["reporting"], (await client.ListDatabaseNamesAsync()).ToList());
    }
}
