using Tessera.Query.Filters;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class MatchDetailsTests
{
    [Theory]
    [InlineData("{a: 3}", "{a: [1, 2, 3]}", 2)]
    [InlineData("{a: {$gt: 1}}", "{a: [1, 2, 3]}", 1)]
    [InlineData("{'a.b': 2}", "{a: [{b: 1}, {b: 2}]}", 1)]
    [InlineData("{'a.b': 6}", "{a: [{b: [5]}, {b: [5, 6]}]}", 1)]
    [InlineData("{a: {$elemMatch: {b: 2}}}", "{a: [{b: 1}, {b: 2}]}", 1)]
    [InlineData("{x: 1, a: 2}", "{x: 1, a: [0, 2]}", 1)]
    [InlineData("{a: [1, 2]}", "{a: [1, 2]}", null)]
    [InlineData("{a: 1}", "{a: 1}", null)]
    public void The_matched_array_position_is_recorded(string filter, string document, int? index)
    {
        var details = new MatchDetails();
        Assert.True(Filter.Parse(Bson.Doc(filter)).Matches(Bson.Doc(document), details));
        Assert.Equal(index, details.ArrayIndex);
    }
}
