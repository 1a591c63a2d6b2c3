// Insert and read throughput: Tessera through the official MongoDB.Driver (wire protocol, commands, storage) against
// the same documents written straight into SQLite with Tessera's settings, measured in the same run.
// Usage: dotnet run -c Release --project bench/Tessera.Bench.Crud [-- --documents 20000 --batch 1000]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Bench.Crud;
using Tessera.Server;
using Tessera.Server.Hosting;
using Tessera.Server.Logging;
using Tessera.Server.Users;
using Tessera.Storage.Sqlite;

var count = Argument(args, "--documents", 20_000);
var batchSize = Argument(args, "--batch", 1_000);
var directory = Directory.CreateTempSubdirectory("tessera-bench-crud-").FullName;
try
{
    var documents = Enumerable.Range(0, count).Select(i => new BsonDocument
    {
        { "_id", i }, { "name", $"customer-{i % 997}" }, { "total", i * 1.25 }, { "tags", new BsonArray { "a", "b", i % 7 } },
        { "address", new BsonDocument { { "city", "Oslo" }, { "zip", 1000 + (i % 500) } } },
    }).ToList();
    var batches = documents.Chunk(batchSize).ToList();

    // The reference first, then Tessera, each on its own file in the same directory.
    using var floor = new SqliteFloor(directory);
    var floorInsert = Time(() => batches.ForEach(b => floor.InsertBatch(b)));
    var floorRead = Time(() => floor.ReadAll());

    var data = Directory.CreateDirectory(Path.Combine(directory, "tessera")).FullName;
    using var storage = SqliteStorageEngine.Open(data);
    var setup = new ServerSetup { Endpoints = [new IPEndPoint(IPAddress.Loopback, 0)] }; // plaintext: TLS is measured by Tessera.Bench.Handshake
    await using var server = new TesseraServer(setup, new ServerLog(TextWriter.Null), new InMemoryUserStore(), storage);
    await server.StartAsync();
    var collection = new MongoClient($"mongodb://127.0.0.1:{server.Endpoints[0].Port}/").GetDatabase("bench").GetCollection<BsonDocument>("items");
    await collection.InsertOneAsync(new BsonDocument("_id", -1)); // warm-up: connection, JIT
    await collection.DeleteOneAsync(new BsonDocument("_id", -1));
    var tesseraInsert = await TimeAsync(async () =>
    {
        foreach (var batch in batches)
        {
            await collection.InsertManyAsync(batch.Select(d => d.DeepClone().AsBsonDocument));
        }
    });
    var read = 0;
    var tesseraRead = await TimeAsync(async () => read = (await collection.Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Count);
    if (read != count)
    {
        throw new InvalidOperationException($"read {read} documents, expected {count}");
    }

    Console.WriteLine($"{count} documents in batches of {batchSize}; durable commits (synchronous=FULL) in both");
    Console.WriteLine($"{"operation",-10} {"sqlite floor",14} {"tessera",14} {"ratio tessera/floor (time)",28}");
    Report("insert", floorInsert, tesseraInsert, count);
    Report("read all", floorRead, tesseraRead, count);
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Report(string name, TimeSpan floor, TimeSpan tessera, int count) =>
    Console.WriteLine($"{name,-10} {count / floor.TotalSeconds,10:0} /s {count / tessera.TotalSeconds,10:0} /s {tessera / floor,28:0.00}");

static TimeSpan Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed;
}

static async Task<TimeSpan> TimeAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed;
}

static int Argument(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
