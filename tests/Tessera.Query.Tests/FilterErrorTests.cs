using MongoDB.Bson;
using Tessera.Query.Filters;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class FilterErrorTests
{
    [Theory]
    [InlineData("{a: {$foo: 1}}", "unknown operator: $foo")]
    [InlineData("{a: {$gt: 1, b: 1}}", "unknown operator: b")]
    [InlineData("{$foo: 1}", "unknown top level operator: $foo. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.")]
    [InlineData("{a: {$in: 1}}", "$in needs an array")]
    [InlineData("{a: {$nin: {}}}", "$nin needs an array")]
    [InlineData("{a: {$in: [{$gt: 1}]}}", "cannot nest $ under $in")]
    [InlineData("{a: {$all: 1}}", "$all needs an array")]
    [InlineData("{a: {$all: [{$elemMatch: {b: 1}}, 2]}}", "$all/$elemMatch has to be consistent")]
    [InlineData("{a: {$all: [{$gt: 1}]}}", "no $ expressions in $all")]
    [InlineData("{a: {$size: 'x'}}", "$size needs a number")]
    [InlineData("{a: {$size: 1.5}}", "$size must be a whole number")]
    [InlineData("{a: {$size: -1}}", "$size may not be negative")]
    [InlineData("{a: {$size: NumberDecimal('1')}}", "$size needs a number")]
    [InlineData("{a: {$size: NumberLong('4294967296')}}", "$size must be representable as a 32-bit integer")]
    [InlineData("{a: {$mod: ['x']}}", "malformed mod, divisor not a number")]
    [InlineData("{a: {$mod: 1}}", "malformed mod, needs to be an array")]
    [InlineData("{a: {$mod: [1]}}", "malformed mod, not enough elements")]
    [InlineData("{a: {$mod: [1, 2, 3]}}", "malformed mod, too many elements")]
    [InlineData("{a: {$mod: ['x', 1]}}", "malformed mod, divisor not a number")]
    [InlineData("{a: {$mod: [1, 'x']}}", "malformed mod, remainder not a number")]
    [InlineData("{a: {$mod: [0, 1]}}", "divisor cannot be 0")]
    [InlineData("{a: {$elemMatch: 1}}", "$elemMatch needs an Object")]
    [InlineData("{a: {$not: 1}}", "$not needs a regex or a document")]
    [InlineData("{a: {$not: {}}}", "$not cannot be empty")]
    [InlineData("{a: {$options: 'i'}}", "$options needs a $regex")]
    [InlineData("{a: {$type: 'foo'}}", "Unknown type name alias: foo")]
    [InlineData("{a: {$type: 100}}", "Invalid numerical type code: 100")]
    [InlineData("{$and: []}", "$and/$or/$nor must be a nonempty array")]
    [InlineData("{$or: 1}", "$or must be an array")]
    [InlineData("{$or: [1]}", "$or/$and/$nor entries need to be full objects")]
    [InlineData("{a: {$ne: /x/}}", "Can't have regex as arg to $ne.")]
    [InlineData("{a: {$gt: /x/}}", "Can't have RegEx as arg to predicate over field 'a'.")]
    [InlineData("{a: {$elemMatch: {b: 1, $expr: {$eq: [1, 1]}}}}", "$expr can only be applied to the top-level document")]
    [InlineData("{a: {$where: 'x'}}", "$where cannot be applied to a field")]
    [InlineData("{$where: 'this.a'}", "$where is not allowed in this context")]
    public void Bad_filters_are_BadValue_with_mongods_message(string filter, string message)
    {
        var error = Match.Error(filter);
        Assert.Equal(2, error.Code);
        Assert.Equal("BadValue", error.CodeName);
        Assert.Equal(message, error.Message);
    }

    // Built in code: the shell-JSON reader would turn {$regex, $options} into a regex value.
    [Fact]
    public void Regex_operator_arguments_are_checked()
    {
        var notString = new BsonDocument("a", new BsonDocument("$regex", 1));
        Assert.Equal("$regex has to be a string", Assert.Throws<QueryException>(() => Filter.Parse(notString)).Message);
        var optionsTwice = new BsonDocument("a", new BsonDocument { { "$regex", new BsonRegularExpression("x", "i") }, { "$options", "m" } });
        Assert.Equal("options set in both $regex and $options", Assert.Throws<QueryException>(() => Filter.Parse(optionsTwice)).Message);
        var optionsNotString = new BsonDocument("a", new BsonDocument { { "$regex", "x" }, { "$options", 1 } });
        Assert.Equal("$options has to be a string", Assert.Throws<QueryException>(() => Filter.Parse(optionsNotString)).Message);
    }

    [Fact]
    public void Type_of_wrong_kind_is_TypeMismatch()
    {
        var error = Match.Error("{a: {$type: true}}");
        Assert.Equal(14, error.Code);
        Assert.Equal("type must be represented as a number or a string", error.Message);
    }

    [Fact]
    public void Regex_options_twice_have_codes_by_order()
    {
        var regexFirst = new BsonDocument("a", new BsonDocument { { "$regex", new BsonRegularExpression("x", "i") }, { "$options", "m" } });
        Assert.Equal(51075, Assert.Throws<QueryException>(() => Filter.Parse(regexFirst)).Code);
        var optionsFirst = new BsonDocument("a", new BsonDocument { { "$options", "m" }, { "$regex", new BsonRegularExpression("x", "i") } });
        Assert.Equal(51074, Assert.Throws<QueryException>(() => Filter.Parse(optionsFirst)).Code);
    }

    [Fact]
    public void Text_search_needs_a_text_index()
    {
        var error = Match.Error("{$text: {$search: 'x'}}");
        Assert.Equal(27, error.Code);
        Assert.Equal("text index required for $text query", error.Message);
    }

    [Theory]
    [InlineData("{a: {$regex: 'x', $options: 'z'}}", 51108, "invalid flag in regex options: z")]
    [InlineData("{a: {$regex: '('}}", 51091, null)]
    public void Bad_regular_expressions_have_their_own_codes(string filter, int code, string? message)
    {
        var error = Match.Error(filter);
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }
}
