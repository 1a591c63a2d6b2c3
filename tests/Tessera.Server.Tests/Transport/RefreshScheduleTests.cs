using Tessera.Security.Ocsp;
using Tessera.Server.Transport.Stapling;

namespace Tessera.Server.Tests.Transport;

/// <summary>When the stapler fetches again: mongod's refresh rule, and the bounded backoff after failures.</summary>
public class RefreshScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_period_the_refresh_is_halfway_to_nextUpdate() =>
        Assert.Equal(TimeSpan.FromHours(6), RefreshSchedule.After(Response(TimeSpan.FromHours(12)), Now, new StaplingSettings()));

    [Fact]
    public void A_period_that_leaves_time_before_nextUpdate_is_used() =>
        Assert.Equal(TimeSpan.FromMinutes(10), RefreshSchedule.After(Response(TimeSpan.FromHours(12)), Now, new StaplingSettings { RefreshPeriod = TimeSpan.FromMinutes(10) }));

    [Fact]
    public void A_period_too_long_for_nextUpdate_falls_back_to_halfway()
    {
        // 10 minutes left: a 9.5-minute period would not leave a minute and the responder timeout to fetch another.
        var settings = new StaplingSettings { RefreshPeriod = TimeSpan.FromMinutes(9.5), ResponderTimeout = TimeSpan.FromSeconds(4) };

        Assert.Equal(TimeSpan.FromMinutes(5), RefreshSchedule.After(Response(TimeSpan.FromMinutes(10)), Now, settings));
    }

    [Fact]
    public void A_response_about_to_expire_does_not_make_the_loop_spin() =>
        Assert.Equal(RefreshSchedule.Minimum, RefreshSchedule.After(Response(TimeSpan.FromMilliseconds(300)), Now, new StaplingSettings()));

    [Fact]
    public void A_response_that_lives_for_months_is_still_refreshed_daily() =>
        Assert.Equal(RefreshSchedule.Maximum, RefreshSchedule.After(Response(TimeSpan.FromDays(365)), Now, new StaplingSettings()));

    [Fact]
    public void Retries_double_up_to_the_cap_and_start_over_after_a_success()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        var settings = new StaplingSettings();

        var waits = Enumerable.Range(0, 6).Select(_ => RefreshSchedule.AfterFailure(backoff, settings).TotalSeconds).ToArray();
        backoff.Reset();

        Assert.Equal([2, 4, 8, 16, 20, 20], waits);
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next());
    }

    [Fact]
    public void Retries_come_no_later_than_the_configured_refresh_period()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));
        var settings = new StaplingSettings { RefreshPeriod = TimeSpan.FromSeconds(3) };

        var waits = Enumerable.Range(0, 4).Select(_ => RefreshSchedule.AfterFailure(backoff, settings).TotalSeconds).ToArray();

        Assert.Equal([2, 3, 3, 3], waits);
    }

    private static OcspVerifiedResponse Response(TimeSpan untilNextUpdate) =>
        new(null!, OcspCertificateStatus.Good, Now.AddMinutes(-1), Now + untilNextUpdate, null, null, ReadOnlyMemory<byte>.Empty);
}
