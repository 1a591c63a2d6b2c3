using Tessera.Security.Ocsp;
using Tessera.Security.Tests.Issuing;

namespace Tessera.Security.Tests.Ocsp;

public class OcspResponseCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly OcspCertificateId Id = new(OcspCertificateId.Sha1Oid, "AA", "BB", "1234");

    private static OcspVerifiedResponse Response(OcspCertificateStatus status, DateTimeOffset? nextUpdate) =>
        new(Id, status, Now.AddHours(-1), nextUpdate, null, null, Array.Empty<byte>());

    [Fact]
    public void A_good_answer_is_kept_until_its_nextUpdate()
    {
        var clock = new MovableTimeProvider(Now);
        var cache = new OcspResponseCache(clock);
        cache.Store(Response(OcspCertificateStatus.Good, Now.AddHours(1)));

        Assert.NotNull(cache.Find(Id with { }));
        clock.Now = Now.AddHours(1);
        Assert.Null(cache.Find(Id));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData(OcspCertificateStatus.Unknown, 1)]
    [InlineData(OcspCertificateStatus.Good, null)]
    [InlineData(OcspCertificateStatus.Good, -1)]
    public void Unknown_answers_and_answers_without_a_future_nextUpdate_are_not_kept(OcspCertificateStatus status, int? hours)
    {
        var cache = new OcspResponseCache(new FixedTimeProvider(Now));

        cache.Store(Response(status, hours is { } h ? Now.AddHours(h) : null));

        Assert.Null(cache.Find(Id));
    }

    [Fact]
    public void Only_a_later_nextUpdate_replaces_an_entry()
    {
        var cache = new OcspResponseCache(new FixedTimeProvider(Now));
        cache.Store(Response(OcspCertificateStatus.Good, Now.AddHours(2)));

        cache.Store(Response(OcspCertificateStatus.Revoked, Now.AddHours(1)));
        Assert.Equal(OcspCertificateStatus.Good, cache.Find(Id)?.Status);

        cache.Store(Response(OcspCertificateStatus.Revoked, Now.AddHours(3)));
        Assert.Equal(OcspCertificateStatus.Revoked, cache.Find(Id)?.Status);
    }

    private sealed class MovableTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
