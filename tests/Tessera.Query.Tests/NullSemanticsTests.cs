using Tessera.Query.Filters;
using Tessera.Query.Projections;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

/// <summary>
/// The cases of mongod's jstests/core/null_query_semantics.js, without its documents holding undefined
/// (whose null matching mongod 8.0 changed).
/// </summary>
public class NullSemanticsTests
{
    private const string Documents = """
        [{_id: 'a_empty_subobject', a: {}}, {_id: 'a_null', a: null}, {_id: 'a_number', a: 4},
         {_id: 'a_subobject_b_not_null', a: {b: 'hi'}}, {_id: 'a_subobject_b_null', a: {b: null}}, {_id: 'no_a'},
         {_id: 'a_double_array', a: [[]]}, {_id: 'a_empty_array', a: []},
         {_id: 'a_object_array_all_b_nulls', a: [{b: null}, {b: null}, {}]},
         {_id: 'a_object_array_no_b_nulls', a: [{b: 1}, {b: 3}, {b: 'string'}]},
         {_id: 'a_object_array_some_b_nulls', a: [{b: null}, {b: 3}, {b: null}]},
         {_id: 'a_object_array_some_b_missing', a: [{b: 3}, {}]},
         {_id: 'a_value_array_all_nulls', a: [null, null]}, {_id: 'a_value_array_no_nulls', a: [1, 'string', 4]},
         {_id: 'a_value_array_with_null', a: [1, 'string', null, 4]}]
        """;

    private static string Matching(string filter)
    {
        var parsed = Filter.Parse(Bson.Doc(filter));
        return string.Join(",", Bson.Array(Documents).Select(v => v.AsBsonDocument).Where(parsed.Matches).Select(d => d["_id"].AsString).Order(StringComparer.Ordinal));
    }

    private static string Sorted(string ids) => string.Join(",", ids.Split(',').Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("{a: {$eq: null}}", "a_null,no_a,a_value_array_all_nulls,a_value_array_with_null")]
    [InlineData("{a: {$ne: null}}", "a_empty_subobject,a_number,a_subobject_b_not_null,a_subobject_b_null,a_double_array,a_empty_array,a_object_array_all_b_nulls,a_object_array_no_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing,a_value_array_no_nulls")]
    [InlineData("{a: {$not: {$gte: null}}}", "a_empty_subobject,a_number,a_subobject_b_not_null,a_subobject_b_null,a_double_array,a_empty_array,a_object_array_all_b_nulls,a_object_array_no_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing,a_value_array_no_nulls")]
    [InlineData("{a: {$in: [null, 75]}}", "a_null,no_a,a_value_array_all_nulls,a_value_array_with_null")]
    [InlineData("{$or: [{a: null}, {a: 75}]}", "a_null,no_a,a_value_array_all_nulls,a_value_array_with_null")]
    [InlineData("{a: {$nin: [null, /^str.*/]}}", "a_empty_subobject,a_number,a_subobject_b_not_null,a_subobject_b_null,a_double_array,a_empty_array,a_object_array_all_b_nulls,a_object_array_no_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing")]
    [InlineData("{a: {$exists: false}}", "no_a")]
    [InlineData("{a: {$elemMatch: {$eq: null}}}", "a_value_array_all_nulls,a_value_array_with_null")]
    [InlineData("{a: {$elemMatch: {$ne: null}}}", "a_double_array,a_object_array_all_b_nulls,a_object_array_no_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing,a_value_array_no_nulls,a_value_array_with_null")]
    [InlineData("{'a.b': {$eq: null}}", "a_empty_subobject,a_null,a_number,a_subobject_b_null,no_a,a_object_array_all_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing")]
    [InlineData("{'a.b': {$ne: null}}", "a_subobject_b_not_null,a_double_array,a_empty_array,a_object_array_no_b_nulls,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null")]
    [InlineData("{'a.b': {$in: [null, 75]}}", "a_empty_subobject,a_null,a_number,a_subobject_b_null,no_a,a_object_array_all_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing")]
    [InlineData("{'a.b': {$nin: [null, /^str.*/]}}", "a_subobject_b_not_null,a_double_array,a_empty_array,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null")]
    [InlineData("{'a.b': {$exists: false}}", "no_a,a_empty_subobject,a_null,a_number,a_double_array,a_empty_array,a_value_array_all_nulls,a_value_array_no_nulls,a_value_array_with_null")]
    [InlineData("{'a.b': {$elemMatch: {$eq: null}}}", "")]
    [InlineData("{a: {$elemMatch: {b: {$eq: null}}}}", "a_double_array,a_object_array_all_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing")]
    [InlineData("{a: {$elemMatch: {b: {$ne: null}}}}", "a_object_array_no_b_nulls,a_object_array_some_b_nulls,a_object_array_some_b_missing")]
    public void Null_queries_match_as_mongod(string filter, string expectedIds) =>
        Assert.Equal(expectedIds.Length == 0 ? string.Empty : Sorted(expectedIds), Matching(filter));

    [Theory]
    [InlineData("a_value_array_all_nulls", "{a: []}")]
    [InlineData("a_double_array", "{a: [[]]}")]
    [InlineData("a_object_array_some_b_missing", "{a: [{b: 3}, {}]}")]
    [InlineData("a_null", "{}")]
    [InlineData("a_empty_subobject", "{a: {}}")]
    public void Projecting_a_dotted_path_as_mongod(string id, string expected)
    {
        var document = Bson.Array(Documents).Select(v => v.AsBsonDocument).Single(d => d["_id"] == id);
        Assert.Equal(Json.Normalize(expected), Json.Of(Projection.ParseFind(Bson.Doc("{_id: 0, 'a.b': 1}")).Apply(document)));
    }
}
