namespace Tessera.Client.Tests;

/// <summary>Hosts: names, IPv4, [IPv6] literals, encoded Unix sockets, ports, and what mongodb+srv allows.</summary>
public sealed class HostParsingTests
{
    private static IReadOnlyList<ServerAddress> Hosts(string uri) => ConnectionString.Parse(uri).Hosts;

    [Fact]
    public void Each_kind_of_host_is_recognised()
    {
        Assert.Equal(
            [
                new ServerAddress("db.example.com", null, HostKind.Hostname),
                new ServerAddress("10.0.0.1", 27018, HostKind.IPv4),
                new ServerAddress("fe80::1", null, HostKind.IPLiteral),
                new ServerAddress("::1", 27019, HostKind.IPLiteral),
                new ServerAddress("/tmp/mongodb-27017.sock", null, HostKind.UnixSocket),
            ],
            Hosts("mongodb://DB.Example.com,10.0.0.1:27018,[fe80::1],[::1]:27019,%2Ftmp%2Fmongodb-27017.sock/"));
    }

    [Fact]
    public void Addresses_print_as_a_driver_would_dial_them()
    {
        Assert.Equal(["h:27017", "[::1]:27018", "/tmp/m.sock"], Hosts("mongodb://h,[::1]:27018,%2Ftmp%2Fm.sock").Select(h => h.ToString()));
    }

    [Theory]
    [InlineData("mongodb://h:0")]
    [InlineData("mongodb://h:65536")]
    [InlineData("mongodb://h:-1")]
    [InlineData("mongodb://h:12ab")]
    [InlineData("mongodb://h:")]
    [InlineData("mongodb://[::1]:0")]
    [InlineData("mongodb://[::1")]
    [InlineData("mongodb://[::1]x")]
    [InlineData("mongodb://[not-ipv6]")]
    [InlineData("mongodb://::1")]
    [InlineData("mongodb://h,,i")]
    [InlineData("mongodb://")]
    [InlineData("mongodb://:27017")]
    [InlineData("mongo://h")]
    [InlineData("")]
    public void Bad_hosts_and_ports_are_errors(string uri)
    {
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse(uri));
    }

    [Theory]
    [InlineData("mongodb+srv://a.example.com,b.example.com")]
    [InlineData("mongodb+srv://a.example.com:27017")]
    [InlineData("mongodb+srv://10.0.0.1")]
    [InlineData("mongodb+srv://a.example.com/?directConnection=true")]
    public void Srv_takes_exactly_one_host_name_without_a_port(string uri)
    {
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse(uri));
    }

    [Fact]
    public void Srv_is_parsed_without_any_dns_lookup()
    {
        var parsed = ConnectionString.Parse("mongodb+srv://cluster0.invalid/?srvServiceName=custom&srvMaxHosts=2");
        Assert.True(parsed.IsSrv);
        Assert.Equal("cluster0.invalid", Assert.Single(parsed.Hosts).Host);
    }
}
