using System.Collections.Concurrent;
using MongoDB.Bson;
using MongoDB.Driver;
using Tessera.Client.Driver;
using Tessera.Testing;

namespace Tessera.Cli.Tests.Serve;

/// <summary>
/// An acknowledged write survives a crash: `tessera serve` is killed with SIGKILL in the middle of a stream of
/// acknowledged inserts, started again on the same data directory, and every acknowledged document is there.
/// </summary>
public sealed class DurabilityTests : IClassFixture<TestPki>
{
    private readonly TestPki _pki;

    public DurabilityTests(TestPki pki) => _pki = pki;

    [Fact]
    public async Task Every_acknowledged_insert_survives_a_sigkill()
    {
        var data = Directory.CreateTempSubdirectory("tessera-durability-").FullName;
        try
        {
            var acknowledged = new ConcurrentBag<int>();
            await using (var server = await ServeProcess.StartOnAsync(_pki, data))
            {
                var items = Items(server);
                using var enough = new SemaphoreSlim(0);
                var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
                {
                    // Each writer inserts its own ids until the server dies under it.
                    for (var i = writer; ; i += 4)
                    {
                        try
                        {
                            await items.InsertOneAsync(new BsonDocument { { "_id", i }, { "payload", new string('x', 200) } });
                        }
                        catch (Exception e) when (e is MongoException or TimeoutException)
                        {
                            return;
                        }

                        acknowledged.Add(i);
                        if (acknowledged.Count == 400)
                        {
                            enough.Release();
                        }
                    }
                })).ToList();

                Assert.True(await enough.WaitAsync(TimeSpan.FromSeconds(120)), "400 inserts were acknowledged");
                await server.KillAsync(); // mid-stream: the writers are still inserting
                await Task.WhenAll(writers);
            }

            await using var restarted = await ServeProcess.StartOnAsync(_pki, data);
            var stored = (await Items(restarted).Find(FilterDefinition<BsonDocument>.Empty).Project(new BsonDocument("_id", 1)).ToListAsync())
                .Select(d => d["_id"].AsInt32).ToHashSet();
            var lost = acknowledged.Where(id => !stored.Contains(id)).Order().ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged inserts were lost: {string.Join(", ", lost.Take(20))}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private IMongoCollection<BsonDocument> Items(ServeProcess server)
    {
        var settings = DriverSettings.FromConnectionString(
            $"mongodb://localhost:{server.Port}/?tls=true&tlsCAFile={_pki.CaFile}&tlsCertificateKeyFile={_pki.Alice}&authMechanism=MONGODB-X509&serverSelectionTimeoutMS=3000");
        return new MongoClient(settings).GetDatabase("test").GetCollection<BsonDocument>("items");
    }
}
