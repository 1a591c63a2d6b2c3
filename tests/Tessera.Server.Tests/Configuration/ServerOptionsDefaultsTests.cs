using Tessera.Server.Configuration;
using static Tessera.Server.Tests.Configuration.Parsing;

namespace Tessera.Server.Tests.Configuration;

public class ServerOptionsDefaultsTests
{
    [Fact]
    public void No_arguments_give_mongods_defaults_and_Tesseras_documented_choices()
    {
        var options = Parse();

        Assert.Equal(27017, options.Net.Port);
        Assert.Equal(["127.0.0.1"], options.Net.BindIp);
        Assert.False(options.Net.BindIpAll);
        Assert.Equal(65536, options.Net.MaxIncomingConnections);
        Assert.Equal(TlsMode.Disabled, options.Net.Tls.Mode);
        Assert.Equal(TlsProtocols.Tls1_0 | TlsProtocols.Tls1_1, options.Net.Tls.DisabledProtocols);
        Assert.Equal(TlsProtocols.Tls1_2 | TlsProtocols.Tls1_3, options.Net.Tls.EnabledProtocols);
        Assert.Null(options.Net.Tls.CertificateKeyFile);
        Assert.False(options.Net.Tls.AllowInvalidCertificates);
        Assert.Null(options.Security.Authorization);
        Assert.False(options.Security.AuthorizationEnabled);
        Assert.Null(options.Security.ClusterAuthMode);
        Assert.Equal("./data", options.Storage.DbPath);
        Assert.Equal(0, options.SystemLog.Verbosity);
        Assert.Empty(options.GivenSettings);
    }

    [Fact]
    public void Parameters_default_as_mongod_except_the_mechanisms_Tessera_implements()
    {
        var parameters = Parse().Parameters;

        Assert.True(parameters.EnforceUserClusterSeparation);
        Assert.Equal(30, parameters.TlsX509ExpirationWarningThresholdDays);
        Assert.Equal(["MONGODB-X509"], parameters.AuthenticationMechanisms);
        Assert.True(parameters.X509AuthenticationEnabled);
        Assert.Equal(0, parameters.AuthFailedDelayMs);
        Assert.True(parameters.OcspEnabled);
        Assert.Equal(-1, parameters.OcspStaplingRefreshPeriodSecs);
        Assert.Equal(-1, parameters.TlsOCSPStaplingTimeoutSecs);
        Assert.Equal(4, parameters.TlsOCSPVerifyTimeoutSecs);
        Assert.Equal(5, parameters.TlsOCSPSlowResponderWarningSecs);
        Assert.False(parameters.SuppressNoTLSPeerCertificateWarning);
        Assert.False(parameters.DisableNonTLSConnectionLogging);
        Assert.False(parameters.TlsWithholdClientCertificate);
        Assert.Null(parameters.TlsX509ClusterAuthDNOverride);
        Assert.Null(parameters.TlsClusterAuthX509Override);
    }

    [Fact]
    public void The_parsed_defaults_equal_the_models_defaults()
    {
        var parsed = Parse();

        Assert.Equal(ServerOptions.Defaults.Net with { BindIp = parsed.Net.BindIp }, parsed.Net);
        Assert.Equal(ServerOptions.Defaults.Security, parsed.Security);
        Assert.Equal(ServerOptions.Defaults.Storage, parsed.Storage);
    }
}
