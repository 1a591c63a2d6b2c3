using MongoDB.Bson;

namespace Tessera.Storage.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private static readonly NamespaceString Log = new("test", "log");
    private readonly StorageFixture _storage = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public void Inserts_from_many_threads_are_all_stored()
    {
        const int Threads = 6;
        const int PerThread = 60;
        using var start = new Barrier(Threads + 1);
        var writers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                _storage.Engine.Insert(Log, new BsonDocument { { "_id", $"{t}-{i}" }, { "thread", t } });
            }
        })).ToList();
        var reader = new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 200; i++)
            {
                _ = _storage.Engine.Count(Log);
                _ = _storage.Engine.FindById(Log, "0-0");
            }
        });

        writers.ForEach(w => w.Start());
        reader.Start();
        writers.ForEach(w => w.Join());
        reader.Join();

        Assert.Equal(Threads * PerThread, _storage.Engine.Count(Log));
        for (var t = 0; t < Threads; t++)
        {
            for (var i = 0; i < PerThread; i++)
            {
                Assert.NotNull(_storage.Engine.FindById(Log, $"{t}-{i}"));
            }
        }
    }

    [Fact]
    public async Task Readers_are_not_blocked_by_an_open_write_transaction_and_do_not_see_it()
    {
        _storage.Engine.Insert(Log, new BsonDocument("_id", "committed"));
        using var transaction = _storage.Engine.BeginTransaction();
        transaction.Insert(Log, new BsonDocument("_id", "pending"));

        var (committed, pending) = await Task.Run(() => (_storage.Engine.FindById(Log, "committed"), _storage.Engine.FindById(Log, "pending")))
            .WaitAsync(TimeSpan.FromSeconds(10)); // a timeout here means the reader waited for the writer

        Assert.NotNull(committed);
        Assert.Null(pending);
        Assert.NotNull(transaction.FindById(Log, "pending"));
    }

    [Fact]
    public async Task A_second_writer_waits_for_the_first_to_finish()
    {
        var firstCommitted = false;
        bool? secondSawFirst = null;
        Task second;
        using (var first = _storage.Engine.BeginTransaction())
        {
            first.Insert(Log, new BsonDocument("_id", "first"));
            second = Task.Run(() =>
            {
                using var transaction = _storage.Engine.BeginTransaction();
                secondSawFirst = transaction.FindById(Log, "first") is not null;
                transaction.Commit();
            });
            await Task.WhenAny(second, Task.Delay(300));
            Assert.False(second.IsCompleted, "the second writer ran beside the first");
            first.Commit();
            firstCommitted = true;
        }

        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(firstCommitted);
        Assert.True(secondSawFirst);
    }
}
