using Tessera.Server.Hosting;
using Tessera.Server.Transport.Stapling;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

/// <summary>mongod's OCSP parameters (ssl_parameters.idl) and what they make of the server's stapling.</summary>
public class OcspParameterTests
{
    [Fact]
    public void By_default_the_server_staples_with_the_verify_timeout_and_refreshes_halfway_to_nextUpdate()
    {
        var stapling = Stapling();

        Assert.Equal(new StaplingSettings(), stapling);
        Assert.True(stapling.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(4), stapling.ResponderTimeout);
        Assert.Null(stapling.RefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(5), stapling.SlowResponderWarning);
    }

    [Fact]
    public void Each_parameter_reaches_the_stapling_settings()
    {
        var stapling = Stapling(
            "--setParameter", "ocspEnabled=false", "--setParameter", "ocspStaplingRefreshPeriodSecs=30",
            "--setParameter", "tlsOCSPStaplingTimeoutSecs=7", "--setParameter", "tlsOCSPVerifyTimeoutSecs=2",
            "--setParameter", "tlsOCSPSlowResponderWarningSecs=1");

        Assert.False(stapling.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(30), stapling.RefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(7), stapling.ResponderTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), stapling.SlowResponderWarning);
    }

    [Fact]
    public void Without_a_stapling_timeout_the_verify_timeout_applies() =>
        Assert.Equal(TimeSpan.FromSeconds(9), Stapling("--setParameter", "tlsOCSPVerifyTimeoutSecs=9").ResponderTimeout);

    [Theory]
    [InlineData("ocspStaplingRefreshPeriodSecs=0")]
    [InlineData("ocspStaplingRefreshPeriodSecs=-1")]
    [InlineData("tlsOCSPStaplingTimeoutSecs=0")]
    [InlineData("tlsOCSPVerifyTimeoutSecs=0")]
    [InlineData("tlsOCSPSlowResponderWarningSecs=-1")]
    public void Values_below_mongods_bounds_are_refused(string parameter)
    {
        var name = parameter[..parameter.IndexOf('=', StringComparison.Ordinal)];
        Assert.Contains($"\"{name}\"", Refusal("--setParameter", parameter).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_yaml_setParameter_section_sets_them_too()
    {
        using var file = new TempConfigFile("""
            setParameter:
              ocspStaplingRefreshPeriodSecs: 120
              tlsOCSPVerifyTimeoutSecs: 3
            """);

        var parameters = Parse("--config", file.Path).Parameters;

        Assert.Equal(120, parameters.OcspStaplingRefreshPeriodSecs);
        Assert.Equal(3, parameters.TlsOCSPVerifyTimeoutSecs);
    }

    private static StaplingSettings Stapling(params string[] args) => ServerSetupLoader.Load(Parse(args)).Stapling;
}
