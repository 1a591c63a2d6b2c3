using MongoDB.Bson;

namespace Tessera.Query.Filters;

/// <summary>
/// $elemMatch with operators ({$gte: 80, $lt: 85}): some element of the array satisfies all of them,
/// each element taken as a single value (a nested array is not expanded).
/// </summary>
internal sealed class ElemMatchValuePredicate(ValuePredicate elementPredicate) : ValuePredicate
{
    public override bool ExpandsLeafArrays => false;

    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        if (value is not BsonArray array)
        {
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (elementPredicate.Matches(array[i], null))
            {
                RecordIndex(details, i);
                return true;
            }
        }

        return false;
    }

    /// <summary>The matching element's index is what a positional $ refers to when the array is the path's end.</summary>
    internal static void RecordIndex(MatchDetails? details, int index)
    {
        if (details is not null)
        {
            details.ArrayIndex = index;
        }
    }
}

/// <summary>
/// $elemMatch with a query ({product: "xyz", score: {$gte: 8}}): some element that is a document (or an
/// array, which mongod treats as a document keyed "0", "1", …) matches the whole query.
/// </summary>
internal sealed class ElemMatchDocumentPredicate(MatchNode query) : ValuePredicate
{
    public override bool ExpandsLeafArrays => false;

    public override bool Matches(BsonValue? value, MatchDetails? details)
    {
        if (value is not BsonArray array)
        {
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var document = array[i] switch
            {
                BsonDocument d => d,
                BsonArray nested => ArrayAsDocument(nested),
                _ => null,
            };
            if (document is not null && query.Matches(document, null))
            {
                ElemMatchValuePredicate.RecordIndex(details, i);
                return true;
            }
        }

        return false;
    }

    private static BsonDocument ArrayAsDocument(BsonArray array)
    {
        var document = new BsonDocument();
        for (var i = 0; i < array.Count; i++)
        {
            document.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
        }

        return document;
    }
}
