using Tessera.Query.Filters;

namespace Tessera.Query.Tests.Support;

internal static class Match
{
    public static bool Run(string filter, string document) => Filter.Parse(Bson.Doc(filter)).Matches(Bson.Doc(document));

    public static QueryException Error(string filter) => Assert.Throws<QueryException>(() => Filter.Parse(Bson.Doc(filter)));
}
