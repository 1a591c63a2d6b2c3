using System.Net;
using System.Security.Cryptography.X509Certificates;
using Tessera.Security.Issuing;

namespace Tessera.Security.Tests.Issuing;

public class HostSubjectAlternativeNameTests
{
    private static readonly X500DistinguishedName Subject = new("CN=server");

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("10.20.30.40", "10.20.30.40")]
    [InlineData("::1", "::1")]
    [InlineData("[::1]", "::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void IP_literals_become_IP_entries(string host, string address)
    {
        var san = Parse(HostSubjectAlternativeName.Create([host], null, Subject));

        Assert.Equal([IPAddress.Parse(address)], san.EnumerateIPAddresses());
        Assert.Empty(san.EnumerateDnsNames());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("*.example.com")]
    [InlineData("127.1")]        // IPAddress.TryParse would read this as 127.0.0.1
    [InlineData("1")]            // and this as 0.0.0.1
    [InlineData("1.2.3.4.example")]
    public void Everything_else_becomes_a_DNS_entry(string host)
    {
        var san = Parse(HostSubjectAlternativeName.Create([host], null, Subject));

        Assert.Equal([host], san.EnumerateDnsNames());
        Assert.Empty(san.EnumerateIPAddresses());
    }

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("1:2:3")]
    [InlineData("")]
    [InlineData("two words")]
    public void Malformed_hosts_are_refused(string host) =>
        Assert.Throws<ArgumentException>(() => HostSubjectAlternativeName.Create([host], null, Subject));

    private static X509SubjectAlternativeNameExtension Parse(X509Extension extension) =>
        new(extension.RawData, extension.Critical);
}
