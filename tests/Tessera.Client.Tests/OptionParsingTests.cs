namespace Tessera.Client.Tests;

/// <summary>Option names, values, and the exact warning texts (the spec's examples, plus what was done).</summary>
public sealed class OptionParsingTests
{
    private static ConnectionString Parse(string query) => ConnectionString.Parse("mongodb://h/?" + query);

    [Fact]
    public void Keys_are_case_insensitive_and_stored_under_the_spec_spelling()
    {
        var parsed = Parse("TLSCAFILE=ca.pem&replicaset=rs0&SERVERSELECTIONTIMEOUTMS=5000&AuthMechanism=mongodb-x509");
        Assert.Equal(["tlsCAFile", "replicaSet", "serverSelectionTimeoutMS", "authMechanism"], parsed.Options.Keys);
        Assert.Equal(5000, parsed.Options["serverselectiontimeoutms"]);
        Assert.Equal("MONGODB-X509", parsed.AuthMechanism);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Values_are_percent_decoded()
    {
        Assert.Equal("/etc/ssl/my ca.pem", Parse("tlsCAFile=%2Fetc%2Fssl%2Fmy%20ca.pem").Options["tlsCAFile"]);
    }

    [Theory]
    [InlineData("connectMS=1", "Unsupported option 'connectMS'. It is ignored; check its spelling.")]
    [InlineData("fsync=ifPossible", "Unsupported value for \"fsync\" : \"ifPossible\" (expected 'true' or 'false'). The option is ignored.")]
    [InlineData("journal=1", "Deprecated boolean value for \"journal\" : \"1\", please update to \"journal=true\"")]
    [InlineData("retryWrites=no", "Deprecated boolean value for \"retryWrites\" : \"no\", please update to \"retryWrites=false\"")]
    [InlineData("replicaSet=a&replicaSet=b", "Duplicate URI option 'replicaSet'. The last value is used.")]
    [InlineData("maxIdleTimeMS=", "Empty value for \"maxIdleTimeMS\" is ignored.")]
    [InlineData("wtimeout=5", "Deprecated option 'wtimeout', please use 'wTimeoutMS' instead.")]
    [InlineData("wtimeout=5&wTimeoutMS=10", "Deprecated option 'wtimeout' is ignored because 'wTimeoutMS' is also given.")]
    [InlineData("heartbeatFrequencyMS=100", "Unsupported value for \"heartbeatFrequencyMS\" : \"100\" (expected an integer >= 500). The option is ignored.")]
    [InlineData("zlibCompressionLevel=10", "Unsupported value for \"zlibCompressionLevel\" : \"10\" (expected an integer from -1 to 9). The option is ignored.")]
    [InlineData("readPreference=fastest", "Unsupported value for \"readPreference\" : \"fastest\" (expected one of primary, primaryPreferred, secondary, secondaryPreferred, nearest). The option is ignored.")]
    public void Each_warning_has_its_text(string query, string warning)
    {
        Assert.Equal([warning], Parse(query).Warnings);
    }

    [Fact]
    public void Invalid_values_are_dropped_and_valid_ones_kept()
    {
        var parsed = Parse("maxPoolSize=-1&minPoolSize=2&tlsInsecure=invalid&w=majority&journal=");
        Assert.False(parsed.Options.ContainsKey("maxPoolSize"));
        Assert.False(parsed.Options.ContainsKey("tlsInsecure"));
        Assert.False(parsed.Options.ContainsKey("journal"));
        Assert.Equal(2, parsed.Options["minPoolSize"]);
        Assert.Equal("majority", parsed.Options["w"]);
        Assert.Equal(3, parsed.Warnings.Count);
    }

    [Fact]
    public void The_last_of_repeated_values_wins()
    {
        Assert.Equal("b", Parse("replicaSet=a&replicaSet=b").Options["replicaSet"]);
        Assert.Equal(10, Parse("wTimeoutMS=10&wtimeout=5").Options["wTimeoutMS"]);
    }

    [Fact]
    public void Structured_values_are_parsed()
    {
        var parsed = Parse("compressors=zstd,snappy&readPreference=nearest&readPreferenceTags=dc:ny,rack:1&readPreferenceTags=&w=2"
                           + "&authMechanismProperties=service_name:other,CANONICALIZE_HOST_NAME:forward");
        Assert.Equal(["zstd", "snappy"], (IEnumerable<string>)parsed.Options["compressors"]);
        var tagSets = (List<object>)parsed.Options["readPreferenceTags"];
        Assert.Equal(2, tagSets.Count);
        Assert.Equal("ny", ((IReadOnlyDictionary<string, string>)tagSets[0])["dc"]);
        Assert.Empty((IReadOnlyDictionary<string, string>)tagSets[1]);
        Assert.Equal(2, parsed.Options["w"]);
        Assert.Equal("other", parsed.AuthMechanismProperties["SERVICE_NAME"]);
        Assert.Equal(["SERVICE_NAME", "CANONICALIZE_HOST_NAME"], parsed.AuthMechanismProperties.Keys);
    }

    [Fact]
    public void Unknown_compressors_are_dropped_with_a_warning()
    {
        var parsed = Parse("compressors=lz4,zlib");
        Assert.Equal(["zlib"], (IEnumerable<string>)parsed.Options["compressors"]);
        Assert.Single(parsed.Warnings);
    }

    [Fact]
    public void Semicolons_separate_options_but_cannot_be_mixed_with_ampersands()
    {
        Assert.Equal("rs0", Parse("replicaSet=rs0;tls=true").Options["replicaSet"]);
        Assert.Equal("Can not mix '&' and ';' for option separators", Assert.Throws<InvalidUriException>(() => Parse("a=1&b=2;c=3")).Message);
    }

    [Fact]
    public void A_key_without_a_value_is_an_error_but_an_empty_value_is_a_warning()
    {
        Assert.Throws<InvalidUriException>(() => Parse("w"));
        Assert.Single(Parse("w=").Warnings);
    }

    [Fact]
    public void An_empty_auth_source_is_an_error()
    {
        Assert.StartsWith("the authSource database cannot be an empty string",
            Assert.Throws<InvalidUriException>(() => ConnectionString.Parse("mongodb://localhost/admin?authSource=")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mongodb://a,b/?directConnection=true")]
    [InlineData("mongodb://a,b/?loadBalanced=true")]
    [InlineData("mongodb://a/?loadBalanced=true&replicaSet=rs")]
    [InlineData("mongodb://a/?loadBalanced=true&directConnection=true")]
    [InlineData("mongodb://a/?srvMaxHosts=1")]
    [InlineData("mongodb://a/?srvServiceName=x")]
    [InlineData("mongodb+srv://a.example.com/?srvMaxHosts=1&replicaSet=rs")]
    [InlineData("mongodb://a/?proxyPort=1080")]
    [InlineData("mongodb://a/?proxyHost=p&proxyUsername=u")]
    [InlineData("mongodb://a/?maxStalenessSeconds=120")]
    [InlineData("mongodb://a/?readPreference=primary&readPreferenceTags=dc:ny")]
    [InlineData("mongodb://a/b%2Fc")]
    [InlineData("mongodb://a/$external")]
    public void Contradictory_combinations_are_errors(string uri)
    {
        Assert.Throws<InvalidUriException>(() => ConnectionString.Parse(uri));
    }

    [Fact]
    public void Sensible_combinations_pass()
    {
        ConnectionString.Parse("mongodb://a/?readPreference=secondary&maxStalenessSeconds=120&readPreferenceTags=dc:ny");
        ConnectionString.Parse("mongodb://a/?proxyHost=p&proxyPort=1080&proxyUsername=u&proxyPassword=pw");
        ConnectionString.Parse("mongodb://a/?maxStalenessSeconds=-1");
        ConnectionString.Parse("mongodb://a/?directConnection=true");
    }
}
