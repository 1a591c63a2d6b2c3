using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class FilterEqualityTests
{
    [Theory]
    [InlineData("{}", "{a: 1}", true)]
    [InlineData("{a: 1}", "{a: 1}", true)]
    [InlineData("{a: 1}", "{a: 2}", false)]
    [InlineData("{a: 1}", "{a: NumberLong(1)}", true)]
    [InlineData("{a: 1}", "{a: 1.0}", true)]
    [InlineData("{a: 1}", "{a: NumberDecimal('1.00')}", true)]
    [InlineData("{a: 9.99}", "{a: NumberDecimal('9.99')}", false)]
    [InlineData("{a: 1}", "{a: '1'}", false)]
    [InlineData("{a: 1}", "{a: true}", false)]
    [InlineData("{a: 1}", "{}", false)]
    [InlineData("{a: 'x', b: 2}", "{a: 'x', b: 2}", true)]
    [InlineData("{a: 'x', b: 2}", "{a: 'x', b: 3}", false)]
    public void Scalars(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));

    [Theory]
    [InlineData("{a: 2}", "{a: [1, 2, 3]}", true)]
    [InlineData("{a: 4}", "{a: [1, 2, 3]}", false)]
    [InlineData("{a: [1, 2]}", "{a: [1, 2]}", true)]
    [InlineData("{a: [1, 2]}", "{a: [2, 1]}", false)]
    [InlineData("{a: [1, 2]}", "{a: [[1, 2], 3]}", true)]
    [InlineData("{a: [1]}", "{a: 1}", false)]
    [InlineData("{a: []}", "{a: []}", true)]
    [InlineData("{a: []}", "{a: [[]]}", true)]
    [InlineData("{a: 1}", "{a: [[1]]}", false)]
    public void Arrays_match_by_element_or_as_a_whole(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));

    [Theory]
    [InlineData("{a: {b: 1}}", "{a: {b: 1}}", true)]
    [InlineData("{a: {b: 1}}", "{a: {b: 1.0}}", true)]
    [InlineData("{a: {b: 1}}", "{a: {b: 1, c: 2}}", false)]
    [InlineData("{a: {b: 1, c: 2}}", "{a: {c: 2, b: 1}}", false)]
    [InlineData("{a: {}}", "{a: {}}", true)]
    [InlineData("{a: {b: 1}}", "{a: [{b: 1}, 2]}", true)]
    public void Embedded_documents_match_exactly_in_field_order(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));

    [Theory]
    [InlineData("{a: null}", "{a: null}", true)]
    [InlineData("{a: null}", "{}", true)]
    [InlineData("{a: null}", "{a: 0}", false)]
    [InlineData("{a: null}", "{a: [1, null]}", true)]
    [InlineData("{a: null}", "{a: [1, 2]}", false)]
    [InlineData("{a: null}", "{a: undefined}", false)]
    [InlineData("{'a.b': null}", "{a: 5}", true)]
    // mongod's jstests/core/null2.js
    [InlineData("{'a.b': null}", "{a: [{b: 5}]}", false)]
    [InlineData("{'a.b': null}", "{a: [{}]}", true)]
    [InlineData("{'a.b': null}", "{a: []}", false)]
    [InlineData("{'a.b': null}", "{a: [{}, {b: 5}]}", true)]
    [InlineData("{'a.b': null}", "{a: [5, {b: 5}]}", false)]
    [InlineData("{'a.b': {$in: [null]}}", "{a: [{}, {b: 5}]}", true)]
    public void Null_matches_null_and_missing(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));

    [Theory]
    [InlineData("{'a.b': 1}", "{a: {b: 1}}", true)]
    [InlineData("{'a.b.c': 1}", "{a: {b: {c: 1}}}", true)]
    [InlineData("{'a.b': 1}", "{a: [{b: 2}, {b: 1}]}", true)]
    [InlineData("{'a.b': 1}", "{a: [{b: [3, 1]}]}", true)]
    [InlineData("{'a.b': 1}", "{a: [[{b: 1}]]}", false)]
    [InlineData("{'a.0': 5}", "{a: [5, 6]}", true)]
    [InlineData("{'a.1': 5}", "{a: [5, 6]}", false)]
    [InlineData("{'a.1.b': 2}", "{a: [{b: 1}, {b: 2}]}", true)]
    [InlineData("{'a.0.b': 2}", "{a: [{b: 1}, {b: 2}]}", false)]
    [InlineData("{'a.0': 1}", "{a: {'0': 1}}", true)]
    [InlineData("{'a.0': 1}", "{a: [[1, 2]]}", true)]
    [InlineData("{'a.b': 1}", "{a: 1}", false)]
    public void Dotted_paths_go_through_documents_and_arrays(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));

    [Theory]
    [InlineData("{a: /^ab/}", "{a: 'abc'}", true)]
    [InlineData("{a: /^AB/i}", "{a: 'abc'}", true)]
    [InlineData("{a: /^ab/}", "{a: ['x', 'abc']}", true)]
    [InlineData("{a: /^ab/}", "{a: 1}", false)]
    [InlineData("{a: {$eq: /^ab/}}", "{a: 'abc'}", false)]
    [InlineData("{a: {$eq: /^ab/}}", "{a: /^ab/}", true)]
    public void Regex_values_match_strings_and_equal_regexes(string filter, string document, bool expected) => Assert.Equal(expected, Match.Run(filter, document));
}
