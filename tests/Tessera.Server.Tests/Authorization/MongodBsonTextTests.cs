using MongoDB.Bson;
using Tessera.Server.Authorization;

namespace Tessera.Server.Tests.Authorization;

/// <summary>Values printed as mongod's BSONElement::toString prints them.</summary>
public class MongodBsonTextTests
{
    public static TheoryData<BsonValue, string> Values => new()
    {
        { 1.0, "1.0" },
        { 1.5, "1.5" },
        { new BsonDouble(-0.0), "-0.0" }, // the implicit conversion caches zero and loses the sign
        { 0.1, "0.1" },
        { 1e20, "1e+20" },
        { 1e-5, "1e-05" },
        { 123456789012345678.0, "1.234567890123457e+17" },
        { double.NaN, "nan" },
        { 42, "42" },
        { -7L, "-7" },
        { new BsonDecimal128(Decimal128.Parse("1.50")), "NumberDecimal(\"1.50\")" },
        { false, "false" },
        { BsonNull.Value, "null" },
        { BsonUndefined.Value, "undefined" },
        { BsonMinKey.Value, "MinKey" },
        { BsonMaxKey.Value, "MaxKey" },
        { new BsonDateTime(1_700_000_000_123), "new Date(1700000000123)" },
        { new BsonObjectId(ObjectId.Parse("65a1b2c3d4e5f60718293a4b")), "ObjectId('65a1b2c3d4e5f60718293a4b')" },
        { new BsonRegularExpression("^a.*", "i"), "/^a.*/i" },
        { new BsonBinaryData([0xab, 0x01], BsonBinarySubType.UserDefined), "BinData(128, AB01)" },
        { new BsonBinaryData(new byte[16], BsonBinarySubType.UuidLegacy), "BinData(3, 00000000000000000000000000000000)" }, // only subtype 4 prints as UUID
        { "say \"hi\"", "\"say \"hi\"\"" }, // mongod does not escape
        { new BsonJavaScript("function() { return 1; }"), "function() { return 1; }" },
        { new BsonArray { "a", new BsonDocument("b", 1) }, "[ \"a\", { b: 1 } ]" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Prints_a_value(BsonValue value, string expected)
    {
        Assert.Equal($"{{ v: {expected} }}", MongodBsonText.Render(new BsonDocument("v", value)));
    }

    [Theory]
    [InlineData(159, false)]
    [InlineData(160, true)]
    [InlineData(500, true)]
    public void Cuts_a_long_string_at_150_bytes(int length, bool cut)
    {
        var text = MongodBsonText.Render(new BsonDocument("s", new string('a', length)));

        var expected = cut ? $"{{ s: \"{new string('a', 150)}...\" }}" : $"{{ s: \"{new string('a', length)}\" }}";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Cuts_a_long_string_on_a_character_boundary()
    {
        // 'é' is two bytes in UTF-8: 149 bytes of 'a' leave no room for it within 150.
        var text = MongodBsonText.Render(new BsonDocument("s", new string('a', 149) + new string('é', 20)));

        Assert.Equal($"{{ s: \"{new string('a', 149)}...\" }}", text);
    }

    [Fact]
    public void Cuts_long_binary_after_70_bytes()
    {
        var text = MongodBsonText.Render(new BsonDocument("b", new BsonBinaryData(new byte[81])));

        Assert.Equal($"{{ b: BinData(0, {new string('0', 140)}...) }}", text);
    }

    [Fact]
    public void Prints_an_empty_document_closed()
    {
        Assert.Equal("{}", MongodBsonText.Render([]));
    }
}
