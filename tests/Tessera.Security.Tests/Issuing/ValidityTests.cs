using Tessera.Security.Issuing;

namespace Tessera.Security.Tests.Issuing;

public class ValidityTests
{
    private static readonly DateTimeOffset Now = new(2031, 5, 17, 12, 34, 56, TimeSpan.Zero);

    [Theory]
    [InlineData(CertificateProfile.Ca, 3650)]
    [InlineData(CertificateProfile.Server, 825)]
    [InlineData(CertificateProfile.Member, 825)]
    [InlineData(CertificateProfile.Client, 825)]
    public void Defaults_are_an_hour_back_and_the_profile_days_ahead(CertificateProfile profile, int days)
    {
        using var certificate = new CertificateIssuer(new FixedTimeProvider(Now.AddMilliseconds(789)))
            .IssueSelfSigned(new IssueRequest { Profile = profile, Subject = new("CN=a") });

        Assert.Equal(Now.AddHours(-1), new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
        Assert.Equal(Now.AddDays(days), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void Validity_days_are_counted_from_now()
    {
        using var certificate = new CertificateIssuer(new FixedTimeProvider(Now))
            .IssueSelfSigned(new IssueRequest { Profile = CertificateProfile.Client, Subject = new("CN=a"), ValidityDays = 30 });

        Assert.Equal(Now.AddDays(30), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void Explicit_dates_are_written_exactly_even_outside_the_issuer_validity()
    {
        using var ca = TestPki.RootCa();
        var notBefore = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(2060, 7, 8, 9, 10, 11, TimeSpan.Zero);
        using var leaf = TestPki.Issue(ca, CertificateProfile.Client, "CN=a", r => r with { NotBefore = notBefore, NotAfter = notAfter });

        Assert.Equal(notBefore, new DateTimeOffset(leaf.NotBefore.ToUniversalTime()));
        Assert.Equal(notAfter, new DateTimeOffset(leaf.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void A_certificate_that_would_never_be_valid_is_refused()
    {
        var request = new IssueRequest
        {
            Profile = CertificateProfile.Client,
            Subject = new("CN=a"),
            NotBefore = Now,
            NotAfter = Now.AddSeconds(-1),
        };

        var error = Assert.Throws<ArgumentException>(() => new CertificateIssuer().IssueSelfSigned(request));
        Assert.Contains("never be valid", error.Message, StringComparison.Ordinal);
    }
}
