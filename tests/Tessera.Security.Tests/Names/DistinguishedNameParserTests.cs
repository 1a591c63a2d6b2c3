using Tessera.Security.Names;

namespace Tessera.Security.Tests.Names;

/// <summary>mongod's RFC 4514 parser (server-behavior.md §2.6), its results and its exact errors.</summary>
public class DistinguishedNameParserTests
{
    [Theory]
    [InlineData("CN=client,OU=KernelUser,O=MongoDB", "CN=client,OU=KernelUser,O=MongoDB")]
    [InlineData("CN=foo, OU=bar, DC=bizz", "CN=foo,OU=bar,DC=bizz")] // spaces between RDNs
    [InlineData("CN =  foo  ,OU=bar", "CN=foo,OU=bar")] // unescaped leading and trailing spaces go
    [InlineData(@"CN=foo\ ", @"CN=foo\ ")] // an escaped trailing space stays
    [InlineData(@"CN=a\,b\+c\;d\<e\>f\""g\\h", @"CN=a\,b\+c\;d\<e\>f\""g\\h")]
    [InlineData(@"CN=a\=b\#c", "CN=a=b#c")]
    [InlineData(@"CN=\D0\9A\d0\b0", @"CN=\D0\9A\D0\B0")] // hex escapes rebuild UTF-8, either case
    [InlineData("CN=Калоян", @"CN=\D0\9A\D0\B0\D0\BB\D0\BE\D1\8F\D0\BD")]
    [InlineData("OU=x+CN=y,O=z", "OU=x+CN=y,O=z")] // '+' continues the RDN
    [InlineData("commonName=foo,organizationName=bar", "CN=foo,O=bar")] // long names resolve too
    [InlineData("2.5.4.3=foo,1.2.3.45=bar", "CN=foo,1.2.3.45=bar")]
    [InlineData("emailAddress=a@b,title=T", "emailAddress=a@b,title=T")]
    [InlineData("CN=a=b", "CN=a=b")]
    [InlineData("CN=ＡＢＣ", "CN=ABC")] // callers normalise after parsing
    public void Parses_and_renders_back(string dn, string rendered)
    {
        Assert.Equal(rendered, DistinguishedNameParser.ParseNormalized(dn).ToString());
    }

    [Theory]
    [InlineData("", 2, "Cannot parse empty DN")]
    [InlineData("=foo", 2, "DN attribute names must begin with either a digit or an alpha not '='")]
    [InlineData("CN=a,_x=b", 2, "DN attribute names must begin with either a digit or an alpha not '_'")]
    [InlineData("C_N=foo", 2, "DN attribute name contains an invalid character '_'")]
    [InlineData("2.5x=foo", 2, "DN attribute name contains an invalid character 'x'")]
    [InlineData("XYZ=foo", 2, "DN contained an unknown OID XYZ")]
    [InlineData("cn=foo", 2, "DN contained an unknown OID cn")] // OpenSSL's names are case-sensitive
    [InlineData("CN=#0403", 2, "Raw DER sequences are not supported in DN strings")]
    [InlineData(@"CN=a\x", 2, "Invalid escaped character 'x'")]
    [InlineData(@"CN=a\4g", 2, "Escaped hex value contains invalid character")]
    [InlineData("CN=a;b", 2, "Found unescaped character that should be escaped: ';'")]
    [InlineData("CN=a<b", 2, "Found unescaped character that should be escaped: '<'")]
    [InlineData("CN=a\"b", 2, "Found unescaped character that should be escaped: '\"'")]
    [InlineData("CN", 51036, "Overflowed string while parsing DN string")]
    [InlineData("CN=", 51036, "Overflowed string while parsing DN string")]
    [InlineData(@"CN=a\", 51036, "Overflowed string while parsing DN string")]
    [InlineData(@"CN=a\4", 51036, "Overflowed string while parsing DN string")]
    public void Refuses_with_mongods_error(string dn, int code, string message)
    {
        var error = Assert.Throws<DistinguishedNameException>(() => DistinguishedNameParser.Parse(dn));
        Assert.Equal(message, error.Message);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Refuses_a_string_that_is_not_valid_utf8()
    {
        var error = Assert.Throws<DistinguishedNameException>(() => DistinguishedNameParser.Parse("CN=\uD800x"));
        Assert.Equal("DN strings must be valid UTF-8 strings", error.Message);
    }

    [Fact]
    public void Keeps_the_order_inside_a_multi_valued_rdn()
    {
        var name = DistinguishedNameParser.Parse("OU=x+CN=y");
        var rdn = Assert.Single(name.Rdns);
        Assert.Equal(["2.5.4.11", "2.5.4.3"], rdn.Select(e => e.Oid));
    }

    [Fact]
    public void Every_rendered_example_parses_back_to_the_same_name()
    {
        string[] rendered =
        [
            "CN=client,OU=KernelUser,O=MongoDB,L=New York City,ST=New York,C=US",
            @"CN=Test,OU=Escape,O=\;\ ,L=\ \>,ST=\""\\\<,C=\,\+",
            @"CN=\D0\9A\D0\B0\D0\BB\D0\BE\D1\8F\D0\BD,OU=Kernel Users,O=MongoDB",
            "L=New York City+ST=New York+C=US,OU=KernelUser+O=MongoDB+CN=client",
            @"1.2.3.45=Value\,Rando,1.2.3.56=RandoValue,CN=client",
            @"CN=\#hash",
        ];
        Assert.All(rendered, dn => Assert.Equal(dn, DistinguishedNameParser.ParseNormalized(dn).ToString()));
    }
}
