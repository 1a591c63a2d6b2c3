using Tessera.Query.Filters;
using Tessera.Query.Updates;

namespace Tessera.Query.Tests.Support;

internal static class UpdateRunner
{
    public static readonly DateTime FixedNow = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    /// <summary>Applies an update (with the query's match details when given) and returns the result.</summary>
    public static UpdateResult Run(string update, string document, string? query = null, string? arrayFilters = null)
    {
        var filters = arrayFilters is null ? null : Bson.Array(arrayFilters).Select(v => v.AsBsonDocument);
        var parsed = Update.Parse(Bson.Doc(update), filters, () => FixedNow);
        var input = Bson.Doc(document);
        MatchDetails? details = null;
        if (query is not null)
        {
            details = new MatchDetails();
            Assert.True(Filter.Parse(Bson.Doc(query)).Matches(input, details));
        }

        return parsed.Apply(input, details);
    }

    public static QueryException ParseError(string update, string? arrayFilters = null) =>
        Assert.Throws<QueryException>(() => Update.Parse(Bson.Doc(update), arrayFilters is null ? null : Bson.Array(arrayFilters).Select(v => v.AsBsonDocument)));

    public static QueryException ApplyError(string update, string document, string? query = null) =>
        Assert.Throws<QueryException>(() => Run(update, document, query));
}
