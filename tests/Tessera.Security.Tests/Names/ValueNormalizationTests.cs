using System.Formats.Asn1;
using Tessera.Security.Names;

namespace Tessera.Security.Tests.Names;

/// <summary>RFC 4518 preparation and escaping edge cases (server-behavior.md §2.2, §2.4, §9).</summary>
public class ValueNormalizationTests
{
    [Theory]
    [InlineData("#hash", @"CN=\#hash")] // '#' escaped only in the first position
    [InlineData("a#b", "CN=a#b")]
    [InlineData("a ", "CN=a ")] // a 2-character value keeps its trailing space unescaped
    [InlineData("ab ", @"CN=ab\ ")] // from 3 characters on it is escaped
    [InlineData(" ", @"CN=\ ")]
    [InlineData("; ", @"CN=\;\ ")]
    [InlineData("a=b", "CN=a=b")] // '=' is never escaped
    [InlineData("a\tb", "CN=a b")] // TAB maps to SPACE
    [InlineData("a\u0007b", "CN=ab")] // most control characters map to nothing
    [InlineData("a\u00ADb", "CN=ab")] // SOFT HYPHEN maps to nothing
    [InlineData("ＡＢＣ", "CN=ABC")] // NFKC folds full-width letters
    [InlineData("ﬁ", "CN=fi")] // and compatibility ligatures
    [InlineData("MixedCase", "CN=MixedCase")] // no case folding
    [InlineData("x  y", "CN=x  y")] // no space compression
    [InlineData("é", @"CN=\C3\A9")] // composed
    [InlineData("e\u0301", @"CN=\C3\A9")] // decomposed input is composed by NFKC
    public void Values_are_prepared_then_escaped(string value, string expected)
    {
        using var cert = new NameDer().Add(Oids.CN, value).Certificate();
        Assert.Equal(expected, ExternalUserName.Of(cert));
    }

    [Theory]
    [InlineData(UniversalTagNumber.PrintableString, "Plain")]
    [InlineData(UniversalTagNumber.IA5String, "a\tb")]
    [InlineData(UniversalTagNumber.T61String, "Teletex")]
    public void Every_string_type_is_prepared(UniversalTagNumber tag, string value)
    {
        using var cert = new NameDer().Add(Oids.CN, value, tag).Certificate();
        Assert.Equal("CN=" + value.Replace('\t', ' '), ExternalUserName.Of(cert));
    }

    [Fact]
    public void A_bmp_string_is_read_as_raw_bytes_like_mongod()
    {
        // mongod hands the raw UCS-2 bytes to UString::fromUTF8: for ASCII the NUL bytes are control
        // characters that preparation removes, so the value reads as the plain text.
        using var cert = new NameDer().Add(Oids.CN, "ab", UniversalTagNumber.BMPString).Certificate();
        Assert.Equal("CN=ab", ExternalUserName.Of(cert));
    }

    [Fact]
    public void A_numeric_string_is_left_as_it_is()
    {
        using var cert = new NameDer().Add(Oids.SerialNumber, "0042", UniversalTagNumber.NumericString).Certificate();
        var entry = Assert.Single(X509Name.FromCertificateSubject(cert).Entries);
        Assert.Equal((int)UniversalTagNumber.NumericString, entry.Tag);
        Assert.Equal("serialNumber=0042", entry.ToString());
    }

    [Fact]
    public void An_empty_value_becomes_an_empty_utf8_string()
    {
        using var cert = new NameDer().Add(Oids.OU, string.Empty, UniversalTagNumber.PrintableString).Add(Oids.CN, "x").Certificate();
        var name = X509Name.FromCertificateSubject(cert);
        Assert.Equal("CN=x,OU=", name.ToString());
        Assert.All(name.Entries, e => Assert.Equal(X509NameEntry.Utf8StringTag, e.Tag));
    }

    [Fact]
    public void An_unassigned_code_point_fails_normalisation()
    {
        using var cert = new NameDer().Add(Oids.CN, "a\u0378").Certificate();
        var error = Assert.Throws<NameNormalizationException>(() => ExternalUserName.Of(cert));
        Assert.Equal("Failed normalizing string: U_STRINGPREP_UNASSIGNED_ERROR", error.Message);
    }

    [Fact]
    public void A_code_point_unassigned_in_unicode_3_2_fails_even_if_newer_unicode_has_it()
    {
        // U+0221 arrived in Unicode 4.0; RFC 4518 works on Unicode 3.2 tables as ICU's profile does.
        Assert.Throws<NameNormalizationException>(() => Rfc4518StringPreparation.Prepare("\u0221"));
    }

    [Fact]
    public void A_private_use_character_is_prohibited()
    {
        var error = Assert.Throws<NameNormalizationException>(() => Rfc4518StringPreparation.Prepare("a\uE000b"));
        Assert.StartsWith("Failed normalizing string: U_STRINGPREP_", error.Message, StringComparison.Ordinal);
    }
}
