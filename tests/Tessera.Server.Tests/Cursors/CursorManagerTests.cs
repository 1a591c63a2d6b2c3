using MongoDB.Bson;
using Tessera.Server.Commands;
using Tessera.Server.Cursors;

namespace Tessera.Server.Tests.Cursors;

public sealed class CursorManagerTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly CursorManager _cursors;

    public CursorManagerTests() => _cursors = new CursorManager(_clock, TimeSpan.FromMinutes(10));

    public void Dispose() => _cursors.Dispose();

    [Fact]
    public void A_cursor_gives_its_documents_in_batches_and_closes_when_exhausted()
    {
        var cursor = _cursors.Open("db.c", "alice@$external", Documents(5), noTimeout: false);
        Assert.True(cursor.Id > 0);
        Assert.Equal([0, 1], cursor.NextBatch(2, int.MaxValue).Select(d => d["_id"].AsInt32));
        _cursors.Release(cursor);

        var again = _cursors.Acquire(cursor.Id, "db.c", "alice@$external");
        Assert.Equal([2, 3, 4], again.NextBatch(10, int.MaxValue).Select(d => d["_id"].AsInt32));
        _cursors.Release(again);
        Assert.Equal(0, _cursors.Count);
        Assert.Equal(43, Assert.Throws<CommandException>(() => _cursors.Acquire(cursor.Id, "db.c", "alice@$external")).Error.Code);
    }

    [Fact]
    public void A_batch_stops_before_the_byte_limit_and_the_next_one_starts_with_the_document_left_out()
    {
        var cursor = _cursors.Open("db.c", null, Documents(4, padding: 100), noTimeout: false);
        var size = new BsonDocument { { "_id", 0 }, { "pad", new string('x', 100) } }.ToBson().Length;

        Assert.Equal(2, cursor.NextBatch(100, (2 * size) + 1).Count);
        Assert.Equal([2, 3], cursor.NextBatch(100, int.MaxValue).Select(d => d["_id"].AsInt32));
        Assert.Single(_cursors.Open("db.c", null, Documents(2, padding: 100), noTimeout: false).NextBatch(100, 1)); // always at least one
    }

    [Fact]
    public void Only_the_owner_may_continue_or_kill_a_cursor_and_only_on_its_namespace()
    {
        var cursor = _cursors.Open("db.c", "alice@$external", Documents(5), noTimeout: false);
        _cursors.Release(cursor);

        var other = Assert.Throws<CommandException>(() => _cursors.Acquire(cursor.Id, "db.c", "bob@$external"));
        Assert.Equal((13, $"cursor id {cursor.Id} was not created by the authenticated user"), (other.Error.Code, other.Message));
        var elsewhere = Assert.Throws<CommandException>(() => _cursors.Acquire(cursor.Id, "db.d", "alice@$external"));
        Assert.Equal(13, elsewhere.Error.Code);
        Assert.Throws<CommandException>(() => _cursors.Kill(cursor.Id, "db.c", "bob@$external"));
        Assert.False(_cursors.Kill(cursor.Id, "db.d", "alice@$external"));
        Assert.True(_cursors.Kill(cursor.Id, "db.c", "alice@$external"));
        Assert.Equal(0, _cursors.Count);
    }

    [Fact]
    public void A_cursor_in_use_cannot_be_used_twice_at_once()
    {
        var cursor = _cursors.Open("db.c", null, Documents(5), noTimeout: false);
        Assert.Equal(292, Assert.Throws<CommandException>(() => _cursors.Acquire(cursor.Id, "db.c", null)).Error.Code);
        _cursors.Release(cursor);
        _cursors.Release(_cursors.Acquire(cursor.Id, "db.c", null));
    }

    [Fact]
    public void Idle_cursors_are_closed_after_the_timeout_unless_opened_with_no_timeout()
    {
        var idle = _cursors.Open("db.c", null, Documents(5), noTimeout: false);
        var kept = _cursors.Open("db.c", null, Documents(5), noTimeout: true);
        _cursors.Release(idle);
        _cursors.Release(kept);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, _cursors.CloseIdle());
        _cursors.Release(_cursors.Acquire(idle.Id, "db.c", null)); // used: its idle clock starts again
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, _cursors.CloseIdle());
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, _cursors.CloseIdle());
        Assert.Equal(43, Assert.Throws<CommandException>(() => _cursors.Acquire(idle.Id, "db.c", null)).Error.Code);
        _cursors.Release(_cursors.Acquire(kept.Id, "db.c", null));
    }

    private static IEnumerator<BsonDocument> Documents(int count, int padding = 0) =>
        Enumerable.Range(0, count).Select(i => padding == 0
            ? new BsonDocument("_id", i)
            : new BsonDocument { { "_id", i }, { "pad", new string('x', padding) } }).GetEnumerator();

    /// <summary>A clock the test moves; its timers never fire on their own.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

        private sealed class NeverFires : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
