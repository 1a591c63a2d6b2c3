namespace Tessera.Server.Transport.Stapling;

/// <summary>
/// The waits between failed fetches: doubling from a first wait up to a cap, so a dead responder is asked a few
/// times a minute at most, and a recovered one is noticed within the cap. A fetched response starts it over.
/// </summary>
internal sealed class RetryBackoff
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _cap;
    private TimeSpan _next;

    public RetryBackoff(TimeSpan first, TimeSpan cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(first, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, first);
        _first = first;
        _cap = cap;
        _next = first;
    }

    /// <summary>The wait before the next attempt; each call doubles the one after, up to the cap.</summary>
    public TimeSpan Next()
    {
        var wait = _next;
        _next = _next * 2 > _cap ? _cap : _next * 2;
        return wait;
    }

    public void Reset() => _next = _first;
}
