using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class UpdateOperatorTests
{
    private static void AssertUpdates(string update, string document, string expected, bool changed = true)
    {
        var result = UpdateRunner.Run(update, document);
        Assert.Equal(Json.Normalize(expected), Json.Of(result.Document));
        Assert.Equal(changed, result.Changed);
    }

    [Theory]
    [InlineData("{$set: {a: 2}}", "{_id: 1, a: 1}", "{_id: 1, a: 2}", true)]
    [InlineData("{$set: {a: 1}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}", false)]
    [InlineData("{$set: {a: 1.0}}", "{_id: 1, a: 1}", "{_id: 1, a: 1.0}", true)]
    [InlineData("{$set: {a: NaN}}", "{_id: 1, a: NaN}", "{_id: 1, a: NaN}", false)]
    [InlineData("{$set: {a: NumberDecimal('NaN')}}", "{_id: 1, a: NaN}", "{_id: 1, a: NumberDecimal('NaN')}", true)]
    [InlineData("{$set: {b: 2}}", "{_id: 1, a: 1}", "{_id: 1, a: 1, b: 2}", true)]
    [InlineData("{$set: {'b.c.d': 2}}", "{_id: 1}", "{_id: 1, b: {c: {d: 2}}}", true)]
    [InlineData("{$set: {'a.b': 2}}", "{_id: 1, a: {c: 1}}", "{_id: 1, a: {c: 1, b: 2}}", true)]
    [InlineData("{$set: {'a.1': 9}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 9, 3]}", true)]
    [InlineData("{$set: {'a.4': 9}}", "{_id: 1, a: [1]}", "{_id: 1, a: [1, null, null, null, 9]}", true)]
    [InlineData("{$set: {'a.0.b': 9}}", "{_id: 1, a: [{b: 1}]}", "{_id: 1, a: [{b: 9}]}", true)]
    [InlineData("{$set: {'a.2.b': 9}}", "{_id: 1, a: []}", "{_id: 1, a: [null, null, {b: 9}]}", true)]
    [InlineData("{$set: {b: 1, a: 1}}", "{_id: 1}", "{_id: 1, a: 1, b: 1}", true)]
    [InlineData("{$set: {'a.10': 1, 'a.9': 1}}", "{_id: 1, a: {}}", "{_id: 1, a: {'9': 1, '10': 1}}", true)]
    [InlineData("{$set: {a: {x: [1]}}}", "{_id: 1, a: 1}", "{_id: 1, a: {x: [1]}}", true)]
    public void Set(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$unset: {a: ''}}", "{_id: 1, a: 1, b: 2}", "{_id: 1, b: 2}", true)]
    [InlineData("{$unset: {z: 1}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}", false)]
    [InlineData("{$unset: {'a.b': 1}}", "{_id: 1, a: {b: 1, c: 2}}", "{_id: 1, a: {c: 2}}", true)]
    [InlineData("{$unset: {'a.1': 1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, null, 3]}", true)]
    [InlineData("{$unset: {'a.b': 1}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}", false)]
    [InlineData("{$unset: {'a.b': 1}}", "{_id: 1, a: [{b: 1}]}", "{_id: 1, a: [{b: 1}]}", false)]
    public void Unset(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: 1}", "{_id: 1, a: 2}")]
    [InlineData("{$inc: {a: 1}}", "{_id: 1}", "{_id: 1, a: 1}")]
    [InlineData("{$inc: {a: 1.5}}", "{_id: 1, a: 1}", "{_id: 1, a: 2.5}")]
    [InlineData("{$inc: {a: NumberLong(1)}}", "{_id: 1, a: 1}", "{_id: 1, a: NumberLong(2)}")]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: 2147483647}", "{_id: 1, a: NumberLong('2147483648')}")]
    [InlineData("{$inc: {a: NumberDecimal('0.1')}}", "{_id: 1, a: 1}", "{_id: 1, a: NumberDecimal('1.1')}")]
    [InlineData("{$inc: {a: -2}}", "{_id: 1, a: NumberDecimal('1.5')}", "{_id: 1, a: NumberDecimal('-0.5')}")]
    [InlineData("{$inc: {'a.b': 1}}", "{_id: 1}", "{_id: 1, a: {b: 1}}")]
    [InlineData("{$mul: {a: 3}}", "{_id: 1, a: 2}", "{_id: 1, a: 6}")]
    [InlineData("{$mul: {a: 2.5}}", "{_id: 1, a: 2}", "{_id: 1, a: 5.0}")]
    [InlineData("{$mul: {a: 3}}", "{_id: 1}", "{_id: 1, a: 0}")]
    [InlineData("{$mul: {a: NumberLong(3)}}", "{_id: 1}", "{_id: 1, a: NumberLong(0)}")]
    [InlineData("{$mul: {a: 2.0}}", "{_id: 1}", "{_id: 1, a: 0.0}")]
    public void Inc_and_mul(string update, string document, string expected) => AssertUpdates(update, document, expected);

    [Fact]
    public void Inc_by_zero_is_no_change() => AssertUpdates("{$inc: {a: 0}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}", changed: false);

    [Fact]
    public void Inc_by_a_double_zero_changes_the_type() => AssertUpdates("{$inc: {a: 0.0}}", "{_id: 1, a: 5}", "{_id: 1, a: 5.0}", changed: true);

    [Fact]
    public void Mul_keeps_a_stored_zero_and_its_sign()
    {
        var result = UpdateRunner.Run("{$mul: {a: -1}}", "{_id: 1, a: 0.0}");
        Assert.False(result.Changed);
        Assert.False(double.IsNegative(result.Document["a"].AsDouble));
    }

    [Theory]
    [InlineData("{$min: {a: 1}}", "{_id: 1, a: 5}", "{_id: 1, a: 1}", true)]
    [InlineData("{$min: {a: 9}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}", false)]
    [InlineData("{$max: {a: 9}}", "{_id: 1, a: 5}", "{_id: 1, a: 9}", true)]
    [InlineData("{$max: {a: 1}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}", false)]
    [InlineData("{$max: {a: 1}}", "{_id: 1}", "{_id: 1, a: 1}", true)]
    [InlineData("{$min: {a: null}}", "{_id: 1, a: 5}", "{_id: 1, a: null}", true)]
    [InlineData("{$max: {a: 'x'}}", "{_id: 1, a: 5}", "{_id: 1, a: 'x'}", true)]
    [InlineData("{$min: {a: 5.0}}", "{_id: 1, a: 5}", "{_id: 1, a: 5}", false)]
    public void Min_and_max(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$rename: {a: 'b'}}", "{_id: 1, a: 1, c: 2}", "{_id: 1, c: 2, b: 1}", true)]
    [InlineData("{$rename: {a: 'c'}}", "{_id: 1, a: 1, c: 2}", "{_id: 1, c: 1}", true)]
    [InlineData("{$rename: {z: 'b'}}", "{_id: 1, a: 1}", "{_id: 1, a: 1}", false)]
    [InlineData("{$rename: {'a.b': 'c.d'}}", "{_id: 1, a: {b: 1}}", "{_id: 1, a: {}, c: {d: 1}}", true)]
    public void Rename(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$currentDate: {a: true}}", "{_id: 1}", "{_id: 1, a: ISODate('2024-05-06T07:08:09Z')}")]
    [InlineData("{$currentDate: {a: {$type: 'date'}}}", "{_id: 1}", "{_id: 1, a: ISODate('2024-05-06T07:08:09Z')}")]
    [InlineData("{$currentDate: {a: {$type: 'timestamp'}}}", "{_id: 1}", "{_id: 1, a: Timestamp(1714979289, 1)}")]
    public void CurrentDate(string update, string document, string expected) => AssertUpdates(update, document, expected);

    [Theory]
    [InlineData("{$push: {a: 3}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2, 3]}")]
    [InlineData("{$push: {a: 3}}", "{_id: 1}", "{_id: 1, a: [3]}")]
    [InlineData("{$push: {a: [3]}}", "{_id: 1, a: []}", "{_id: 1, a: [[3]]}")]
    [InlineData("{$push: {a: {$each: [3, 4]}}}", "{_id: 1, a: [1]}", "{_id: 1, a: [1, 3, 4]}")]
    [InlineData("{$push: {a: {$each: [3, 4], $position: 0}}}", "{_id: 1, a: [1]}", "{_id: 1, a: [3, 4, 1]}")]
    [InlineData("{$push: {a: {$each: [9], $position: -1}}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 9, 2]}")]
    [InlineData("{$push: {a: {$each: [5, 1], $sort: 1}}}", "{_id: 1, a: [3]}", "{_id: 1, a: [1, 3, 5]}")]
    [InlineData("{$push: {a: {$each: [5, 1], $sort: -1, $slice: 2}}}", "{_id: 1, a: [3]}", "{_id: 1, a: [5, 3]}")]
    [InlineData("{$push: {a: {$each: [5], $slice: -2}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [3, 5]}")]
    [InlineData("{$push: {a: {$each: [], $slice: 0}}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: []}")]
    [InlineData("{$push: {a: {$each: [{s: 1}], $sort: {s: -1}}}}", "{_id: 1, a: [{s: 3}, {s: 0}]}", "{_id: 1, a: [{s: 3}, {s: 1}, {s: 0}]}")]
    [InlineData("{$push: {a: {$slice: 1}}}", "{_id: 1, a: []}", "{_id: 1, a: [{$slice: 1}]}")]
    public void Push(string update, string document, string expected) => AssertUpdates(update, document, expected);

    // From mongod's jstests/core/push_sort.js.
    [Theory]
    [InlineData("{$push: {x: {$each: [{a: 3}], $slice: -5, $sort: {a: 1}}}}", "{_id: 1, x: [{a: 1}, {a: 2}]}", "{_id: 1, x: [{a: 1}, {a: 2}, {a: 3}]}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {a: 1}}}}", "{_id: 2, x: [{a: 1}, {a: 3}]}", "{_id: 2, x: [{a: 2}, {a: 3}]}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -5, $sort: {a: -1}}}}", "{_id: 3, x: [{a: 1}, {a: 3}]}", "{_id: 3, x: [{a: 3}, {a: 2}, {a: 1}]}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {a: -1}}}}", "{_id: 4, x: [{a: 1}, {a: 3}]}", "{_id: 4, x: [{a: 2}, {a: 1}]}")]
    [InlineData("{$push: {x: {$each: [{a: 2, b: 3}], $slice: -2, $sort: {b: 1}}}}", "{_id: 5, x: [{a: 1, b: 2}, {a: 3, b: 1}]}", "{_id: 5, x: [{a: 1, b: 2}, {a: 2, b: 3}]}")]
    [InlineData("{$push: {x: {$each: [{a: {b: 3}}], $slice: -5, $sort: {'a.b': 1}}}}", "{_id: 6, x: [{a: {b: 2}}, {a: {b: 1}}]}", "{_id: 6, x: [{a: {b: 1}}, {a: {b: 2}}, {a: {b: 3}}]}")]
    [InlineData("{$push: {x: {$each: [{a: {b: 3}}], $slice: -2, $sort: {'a.b': 1}}}}", "{_id: 7, x: [{a: {b: 2}}, {a: {b: 1}}]}", "{_id: 7, x: [{a: {b: 2}}, {a: {b: 3}}]}")]
    [InlineData("{$push: {x: {$sort: {a: -1}}}}", "{_id: 8, x: [{a: 1}, {a: 2}]}", "{_id: 8, x: [{a: 1}, {a: 2}, {$sort: {a: -1}}]}")]
    public void Push_sort_as_mongod(string update, string document, string expected) => AssertUpdates(update, document, expected);

    [Theory]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {}}}}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2.1, $sort: {a: 1}}}}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {a: -2}}}}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {'a.': 1}}}}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $sort: {'': 1}}}}")]
    [InlineData("{$push: {x: {$each: [{a: 2}], $slice: -2, $xxx: {s: 1}}}}")]
    public void Push_sort_refusals_are_BadValue(string update) => Assert.Equal(2, UpdateRunner.ParseError(update).Code);

    [Theory]
    [InlineData("{$addToSet: {a: 3}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2, 3]}", true)]
    [InlineData("{$addToSet: {a: 2}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2]}", false)]
    [InlineData("{$addToSet: {a: 2.0}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2]}", false)]
    [InlineData("{$addToSet: {a: {$each: [2, 3, 3]}}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2, 3]}", true)]
    [InlineData("{$addToSet: {a: [1]}}", "{_id: 1, a: [1]}", "{_id: 1, a: [1, [1]]}", true)]
    [InlineData("{$addToSet: {a: 1}}", "{_id: 1}", "{_id: 1, a: [1]}", true)]
    [InlineData("{$addToSet: {a: {b: 1}}}", "{_id: 1, a: [{b: 1}]}", "{_id: 1, a: [{b: 1}]}", false)]
    public void AddToSet(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$pop: {a: 1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 2]}", true)]
    [InlineData("{$pop: {a: -1}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2, 3]}", true)]
    [InlineData("{$pop: {a: 1}}", "{_id: 1, a: []}", "{_id: 1, a: []}", false)]
    [InlineData("{$pop: {a: 1}}", "{_id: 1}", "{_id: 1}", false)]
    [InlineData("{$pop: {a: -1.0}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [2]}", true)]
    public void Pop(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$pull: {a: 2}}", "{_id: 1, a: [1, 2, 3, 2]}", "{_id: 1, a: [1, 3]}", true)]
    [InlineData("{$pull: {a: 2.0}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1]}", true)]
    [InlineData("{$pull: {a: 9}}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, 2]}", false)]
    [InlineData("{$pull: {a: {$gte: 2}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1]}", true)]
    [InlineData("{$pull: {a: {$in: [1, 3]}}}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [2]}", true)]
    [InlineData("{$pull: {a: {b: 1}}}", "{_id: 1, a: [{b: 1, c: 1}, {b: 2}, 1]}", "{_id: 1, a: [{b: 2}, 1]}", true)]
    [InlineData("{$pull: {a: {b: {$gt: 1}}}}", "{_id: 1, a: [{b: 1}, {b: 2}]}", "{_id: 1, a: [{b: 1}]}", true)]
    [InlineData("{$pull: {a: /^x/}}", "{_id: 1, a: ['xa', 'b']}", "{_id: 1, a: ['b']}", true)]
    [InlineData("{$pull: {a: [1]}}", "{_id: 1, a: [[1], 1]}", "{_id: 1, a: [1]}", true)]
    [InlineData("{$pull: {a: 1}}", "{_id: 1}", "{_id: 1}", false)]
    [InlineData("{$pullAll: {a: [1, 3]}}", "{_id: 1, a: [1, 2, 3, 1]}", "{_id: 1, a: [2]}", true)]
    public void Pull(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);

    [Theory]
    [InlineData("{$bit: {a: {and: 6}}}", "{_id: 1, a: 3}", "{_id: 1, a: 2}")]
    [InlineData("{$bit: {a: {or: 4}}}", "{_id: 1, a: 3}", "{_id: 1, a: 7}")]
    [InlineData("{$bit: {a: {xor: NumberLong(1)}}}", "{_id: 1, a: 3}", "{_id: 1, a: NumberLong(2)}")]
    [InlineData("{$bit: {a: {or: 5}}}", "{_id: 1}", "{_id: 1, a: 5}")]
    public void Bit(string update, string document, string expected) => AssertUpdates(update, document, expected);

    [Theory]
    [InlineData("{$set: {'a.$': 9}}", "{a: 2}", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 9, 3]}")]
    [InlineData("{$set: {'a.$.b': 9}}", "{'a.b': 2}", "{_id: 1, a: [{b: 1}, {b: 2}]}", "{_id: 1, a: [{b: 1}, {b: 9}]}")]
    [InlineData("{$inc: {'a.$.n': 1}}", "{a: {$elemMatch: {k: 'y'}}}", "{_id: 1, a: [{k: 'x', n: 1}, {k: 'y', n: 1}]}", "{_id: 1, a: [{k: 'x', n: 1}, {k: 'y', n: 2}]}")]
    [InlineData("{$unset: {'a.$': 1}}", "{a: 2}", "{_id: 1, a: [1, 2]}", "{_id: 1, a: [1, null]}")]
    public void Positional(string update, string query, string document, string expected)
    {
        Assert.Equal(Json.Normalize(expected), Json.Of(UpdateRunner.Run(update, document, query).Document));
    }

    [Theory]
    [InlineData("{$inc: {'a.$[]': 1}}", null, "{_id: 1, a: [1, 2]}", "{_id: 1, a: [2, 3]}")]
    [InlineData("{$set: {'a.$[].b': 0}}", null, "{_id: 1, a: [{b: 1}, {c: 1}]}", "{_id: 1, a: [{b: 0}, {c: 1, b: 0}]}")]
    [InlineData("{$set: {'a.$[x]': 0}}", "[{x: {$gt: 1}}]", "{_id: 1, a: [1, 2, 3]}", "{_id: 1, a: [1, 0, 0]}")]
    [InlineData("{$set: {'a.$[x].b': 0}}", "[{'x.b': {$gt: 1}}]", "{_id: 1, a: [{b: 1}, {b: 2}]}", "{_id: 1, a: [{b: 1}, {b: 0}]}")]
    // From mongod's jstests/core/update_arrayFilters.js.
    [InlineData("{$addToSet: {'a.$[i]': 2}}", "[{i: 0}]", "{_id: 0, a: [[0], [1]]}", "{_id: 0, a: [[0, 2], [1]]}")]
    [InlineData("{$unset: {'a.$[i]': true}}", "[{i: 0}]", "{_id: 0, a: [0, 1, 0, 1]}", "{_id: 0, a: [null, 1, null, 1]}")]
    [InlineData("{$min: {'a.$[i].c': 0}}", "[{'i.b': 0}]", "{_id: 0, a: [{b: 0, c: 1}, {b: 0, c: -1}, {b: 1, c: 1}]}", "{_id: 0, a: [{b: 0, c: 0}, {b: 0, c: -1}, {b: 1, c: 1}]}")]
    [InlineData("{$max: {'a.$[].c': 0}}", null, "{_id: 0, a: [{b: 0, c: 1}, {b: 0, c: -1}, {b: 1, c: -1}]}", "{_id: 0, a: [{b: 0, c: 1}, {b: 0, c: 0}, {b: 1, c: 0}]}")]
    [InlineData("{$set: {'a.$[].b': 1, 'a.$[].c': 2}}", null, "{_id: 1, a: [{}, {b: 0}]}", "{_id: 1, a: [{b: 1, c: 2}, {b: 1, c: 2}]}")]
    [InlineData("{$inc: {'a.$[].b.$[y]': 10}}", "[{y: {$lt: 2}}]", "{_id: 1, a: [{b: [1, 2]}, {b: [0]}]}", "{_id: 1, a: [{b: [11, 2]}, {b: [10]}]}")]
    public void All_positional_and_array_filters(string update, string? arrayFilters, string document, string expected)
    {
        Assert.Equal(Json.Normalize(expected), Json.Of(UpdateRunner.Run(update, document, arrayFilters: arrayFilters).Document));
    }

    [Theory]
    [InlineData("{b: 2}", "{_id: 1, a: 1}", "{_id: 1, b: 2}", true)]
    [InlineData("{_id: 1, b: 2}", "{_id: 1, a: 1}", "{_id: 1, b: 2}", true)]
    [InlineData("{b: 2, _id: 1}", "{_id: 1, a: 1}", "{_id: 1, b: 2}", true)]
    [InlineData("{a: 1}", "{_id: 1, a: 1}", "{_id: 1, a: 1}", false)]
    [InlineData("{}", "{_id: 1, a: 1}", "{_id: 1}", true)]
    public void Replacement_keeps_id(string update, string document, string expected, bool changed) => AssertUpdates(update, document, expected, changed);
}
