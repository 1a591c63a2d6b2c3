namespace Tessera.Client.Tests;

/// <summary>Percent-decoding of user, password and database, and the spec's errors for unescaped userinfo.</summary>
public sealed class UserInfoTests
{
    private const string EscapingMessage =
        "Username and password must be escaped according to RFC 3986: percent-encode '@', ':', '/' and '%' in them (Uri.EscapeDataString does).";

    [Fact]
    public void User_and_password_are_percent_decoded_and_plus_stays_plus()
    {
        var parsed = ConnectionString.Parse("mongodb://us%40er+1:p%3Ass%2Fw%25rd+@h/my%3Ddb");
        Assert.Equal("us@er+1", parsed.UserName);
        Assert.Equal("p:ss/w%rd+", parsed.Password);
        Assert.Equal("my=db", parsed.Database);
    }

    [Fact]
    public void Percent_escapes_are_utf8()
    {
        Assert.Equal("CN=Jón,O=Ísland", ConnectionString.Parse("mongodb://CN%3DJ%C3%B3n%2CO%3D%C3%8Dsland@h").UserName);
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://%C3%28@h"));
    }

    [Theory]
    [InlineData("mongodb://alice@@h")]
    [InlineData("mongodb://alice@x:y@h")]
    [InlineData("mongodb://alice:foo:bar@h")]
    [InlineData("mongodb://alice%foo:bar@h")]
    [InlineData("mongodb://user%20%:password@h")]
    [InlineData("mongodb://user%w:password@h")]
    public void Unescaped_at_colon_or_percent_is_an_error_saying_how_to_escape(string uri)
    {
        Assert.Equal(EscapingMessage, Assert.Throws<InvalidUriException>(() => ConnectionString.Parse(uri)).Message);
    }

    [Theory]
    [InlineData("mongodb://@h")]
    [InlineData("mongodb://:@h")]
    [InlineData("mongodb://:pw@h")]
    public void An_empty_user_name_is_an_error(string uri)
    {
        Assert.StartsWith("The empty string is not valid username", Assert.Throws<InvalidUriException>(() => ConnectionString.Parse(uri)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_password_and_an_empty_password_differ()
    {
        Assert.Null(ConnectionString.Parse("mongodb://alice@h").Password);
        Assert.Equal("", ConnectionString.Parse("mongodb://alice:@h").Password);
    }

    [Fact]
    public void A_slash_in_the_userinfo_is_caught_with_a_hint()
    {
        var error = Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://alice/@localhost/db"));
        Assert.Contains("%2F", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_signs_after_the_hosts_are_not_userinfo()
    {
        var parsed = ConnectionString.Parse("mongodb://h?replicaSet=a@b");
        Assert.Null(parsed.UserName);
        Assert.Equal("a@b", parsed.Options["replicaSet"]);
    }
}
