using MongoDB.Bson;
using Tessera.Query.Filters;
using Tessera.Storage;

namespace Tessera.Server.Queries;

/// <summary>A filter run through its plan: the documents that match, each with what the match found (for "$").</summary>
public sealed class QueryExecution
{
    private QueryExecution(QueryPlan plan, Filter filter)
    {
        Plan = plan;
        Filter = filter;
    }

    public QueryPlan Plan { get; }

    public Filter Filter { get; }

    /// <summary>Documents read from storage (explain's totalDocsExamined), counted as the matches are enumerated.</summary>
    public long Examined { get; private set; }

    public static QueryExecution Prepare(IDocumentReader reader, NamespaceString ns, BsonDocument filter, BsonValue? hint = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parsed = Tessera.Query.Filters.Filter.Parse(filter);
        return new QueryExecution(QueryPlanner.Plan(ns, filter, reader.ListIndexes(ns), hint), parsed);
    }

    public IEnumerable<(BsonDocument Document, MatchDetails Details)> Matches(IDocumentReader reader)
    {
        foreach (var document in Plan.Candidates(reader))
        {
            Examined++;
            var details = new MatchDetails();
            if (Filter.Matches(document, details))
            {
                yield return (document, details);
            }
        }
    }
}
