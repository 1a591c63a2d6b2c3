using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class PipelineStageTests
{
    private const string Orders = "[{_id: 1, item: 'a', qty: 2, price: 10}, {_id: 2, item: 'b', qty: 1, price: 5}, {_id: 3, item: 'a', qty: 5, price: 10.5}]";

    private static void AssertRuns(string pipeline, string input, string expected) =>
        Assert.Equal(Aggregate.Normalize(expected), Aggregate.Run(pipeline, input));

    [Fact]
    public void Match_sort_skip_limit() =>
        AssertRuns("[{$match: {item: 'a'}}, {$sort: {qty: -1}}, {$skip: 0}, {$limit: 1}, {$project: {_id: 1}}]", Orders, "[{_id: 3}]");

    [Fact]
    public void Project_and_computed_fields() =>
        AssertRuns("[{$project: {item: 1, total: {$multiply: ['$qty', '$price']}, _id: 0}}]", Orders,
            "[{item: 'a', total: 20}, {item: 'b', total: 5}, {item: 'a', total: 52.5}]");

    [Theory]
    [InlineData("[{$addFields: {total: {$add: ['$qty', 1]}}}]", "[{_id: 1, qty: 2}]", "[{_id: 1, qty: 2, total: 3}]")]
    [InlineData("[{$set: {qty: 'x'}}]", "[{_id: 1, qty: 2, z: 1}]", "[{_id: 1, qty: 'x', z: 1}]")]
    [InlineData("[{$set: {'a.b': 1}}]", "[{_id: 1, a: {c: 2}}]", "[{_id: 1, a: {c: 2, b: 1}}]")]
    [InlineData("[{$set: {a: {b: 1}}}]", "[{_id: 1, a: {c: 2}}]", "[{_id: 1, a: {c: 2, b: 1}}]")]
    [InlineData("[{$set: {'a.b': 1}}]", "[{_id: 1, a: [{c: 2}, 3]}]", "[{_id: 1, a: [{c: 2, b: 1}, {b: 1}]}]")]
    [InlineData("[{$set: {x: '$missing'}}]", "[{_id: 1, x: 1}]", "[{_id: 1}]")]
    [InlineData("[{$set: {x: '$$REMOVE'}}]", "[{_id: 1, x: 1}]", "[{_id: 1}]")]
    [InlineData("[{$set: {a: {}}}]", "[{_id: 1, a: {c: 2}}]", "[{_id: 1, a: {}}]")]
    public void AddFields(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Theory]
    [InlineData("[{$unset: 'a'}]", "[{_id: 1, a: 1, b: 2}]", "[{_id: 1, b: 2}]")]
    [InlineData("[{$unset: ['a', 'c.d']}]", "[{_id: 1, a: 1, b: 2, c: {d: 1, e: 1}}]", "[{_id: 1, b: 2, c: {e: 1}}]")]
    public void Unset(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Fact]
    public void Group_with_every_accumulator() =>
        AssertRuns(
            "[{$group: {_id: '$item', n: {$sum: 1}, qty: {$sum: '$qty'}, avg: {$avg: '$price'}, min: {$min: '$qty'}, max: {$max: '$qty'}, first: {$first: '$_id'}, last: {$last: '$_id'}, ids: {$push: '$_id'}, prices: {$addToSet: '$price'}, c: {$count: {}}}}]",
            Orders,
            "[{_id: 'a', n: 2, qty: 7, avg: 10.25, min: 2, max: 5, first: 1, last: 3, ids: [1, 3], prices: [10, 10.5], c: 2}, {_id: 'b', n: 1, qty: 1, avg: 5.0, min: 1, max: 1, first: 2, last: 2, ids: [2], prices: [5], c: 1}]");

    [Theory]
    [InlineData("[{$group: {_id: '$k'}}]", "[{k: 1}, {k: 1.0}, {k: NumberLong(1)}, {k: NumberDecimal('1')}]", "[{_id: 1}]")]
    [InlineData("[{$group: {_id: '$k'}}]", "[{k: null}, {}]", "[{_id: null}]")]
    [InlineData("[{$group: {_id: null, s: {$sum: '$v'}}}]", "[{v: 1}, {v: 'x'}, {}, {v: NumberLong(2)}]", "[{_id: null, s: NumberLong(3)}]")]
    [InlineData("[{$group: {_id: null, s: {$sum: '$v'}}}]", "[{v: 2147483647}, {v: 1}]", "[{_id: null, s: NumberLong('2147483648')}]")]
    [InlineData("[{$group: {_id: null, s: {$sum: '$v'}}}]", "[{v: 1}, {v: 0.5}]", "[{_id: null, s: 1.5}]")]
    [InlineData("[{$group: {_id: null, a: {$avg: '$v'}}}]", "[{v: 'x'}]", "[{_id: null, a: null}]")]
    [InlineData("[{$group: {_id: null, a: {$avg: '$v'}}}]", "[{v: NumberDecimal('1')}, {v: 2}]", "[{_id: null, a: NumberDecimal('1.5')}]")]
    [InlineData("[{$group: {_id: null, m: {$min: '$v'}}}]", "[{v: null}, {v: 'a'}, {v: 3}]", "[{_id: null, m: 3}]")]
    [InlineData("[{$group: {_id: null, m: {$max: '$v'}}}]", "[{v: null}, {}]", "[{_id: null, m: null}]")]
    [InlineData("[{$group: {_id: null, f: {$first: '$v'}}}]", "[{}, {v: 1}]", "[{_id: null, f: null}]")]
    [InlineData("[{$group: {_id: null, p: {$push: '$v'}}}]", "[{v: 1}, {}, {v: null}]", "[{_id: null, p: [1, null]}]")]
    [InlineData("[{$group: {_id: {a: '$a', b: '$b'}, n: {$sum: 1}}}]", "[{a: 1, b: 2}, {a: 1.0, b: 2}, {a: 1, b: 3}]", "[{_id: {a: 1, b: 2}, n: 2}, {_id: {a: 1, b: 3}, n: 1}]")]
    public void Group(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Theory]
    [InlineData("[{$count: 'n'}]", "[{}, {}, {}]", "[{n: 3}]")]
    [InlineData("[{$count: 'n'}]", "[]", "[]")]
    public void Count(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Theory]
    [InlineData("[{$unwind: '$a'}]", "[{_id: 1, a: [1, 2]}]", "[{_id: 1, a: 1}, {_id: 1, a: 2}]")]
    [InlineData("[{$unwind: '$a'}]", "[{_id: 1, a: []}, {_id: 2, a: null}, {_id: 3}, {_id: 4, a: 5}]", "[{_id: 4, a: 5}]")]
    [InlineData("[{$unwind: {path: '$a', preserveNullAndEmptyArrays: true}}]", "[{_id: 1, a: []}, {_id: 2, a: null}, {_id: 3}]", "[{_id: 1}, {_id: 2, a: null}, {_id: 3}]")]
    [InlineData("[{$unwind: {path: '$a', includeArrayIndex: 'i'}}]", "[{_id: 1, a: ['x', 'y']}, {_id: 2, a: 'z'}]", "[{_id: 1, a: 'x', i: NumberLong(0)}, {_id: 1, a: 'y', i: NumberLong(1)}, {_id: 2, a: 'z', i: null}]")]
    [InlineData("[{$unwind: '$a.b'}]", "[{_id: 1, a: {b: [1, 2], c: 3}}]", "[{_id: 1, a: {b: 1, c: 3}}, {_id: 1, a: {b: 2, c: 3}}]")]
    public void Unwind(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Theory]
    [InlineData("[{$lookup: {from: 'items', localField: 'item', foreignField: 'sku', as: 'docs'}}]", "[{_id: 1, item: 'a'}]", "[{_id: 1, item: 'a', docs: [{_id: 10, sku: 'a'}, {_id: 12, sku: ['a', 'c']}]}]")]
    [InlineData("[{$lookup: {from: 'items', localField: 'item', foreignField: 'sku', as: 'docs'}}]", "[{_id: 1}]", "[{_id: 1, docs: [{_id: 13}]}]")]
    [InlineData("[{$lookup: {from: 'items', localField: 'item', foreignField: 'sku', as: 'docs'}}]", "[{_id: 1, item: ['b', 'c']}]", "[{_id: 1, item: ['b', 'c'], docs: [{_id: 11, sku: 'b'}, {_id: 12, sku: ['a', 'c']}]}]")]
    [InlineData("[{$lookup: {from: 'nothing', localField: 'item', foreignField: 'sku', as: 'docs'}}]", "[{_id: 1, item: 'a'}]", "[{_id: 1, item: 'a', docs: []}]")]
    public void Lookup(string pipeline, string input, string expected)
    {
        var collections = new Dictionary<string, string> { ["items"] = "[{_id: 10, sku: 'a'}, {_id: 11, sku: 'b'}, {_id: 12, sku: ['a', 'c']}, {_id: 13}]" };
        Assert.Equal(Aggregate.Normalize(expected), Aggregate.Run(pipeline, input, collections));
    }

    [Theory]
    [InlineData("[{$lookup: {from: 'stock', let: {want: '$qty', name: '$item'}, pipeline: [{$match: {$expr: {$and: [{$eq: ['$item', '$$name']}, {$gte: ['$instock', '$$want']}]}}}, {$project: {_id: 0, warehouse: 1}}], as: 'where'}}]",
        "[{_id: 1, item: 'a', qty: 5}]", "[{_id: 1, item: 'a', qty: 5, where: [{warehouse: 'B'}]}]")]
    [InlineData("[{$lookup: {from: 'stock', pipeline: [{$match: {warehouse: 'A'}}, {$count: 'n'}], as: 'c'}}]",
        "[{_id: 1}]", "[{_id: 1, c: [{n: 2}]}]")]
    [InlineData("[{$lookup: {from: 'stock', localField: 'item', foreignField: 'item', pipeline: [{$project: {_id: 0, instock: 1}}], as: 's'}}]",
        "[{_id: 1, item: 'b'}]", "[{_id: 1, item: 'b', s: [{instock: 7}]}]")]
    [InlineData("[{$lookup: {from: 'stock', let: {w: '$missing'}, pipeline: [{$match: {$expr: {$eq: ['$$w', null]}}}], as: 's'}}]",
        "[{_id: 1}]", "[{_id: 1, s: []}]")]
    [InlineData("[{$lookup: {from: 'stock', let: {v: 1}, pipeline: [{$set: {x: '$$v'}}, {$group: {_id: '$$v', n: {$sum: '$x'}}}], as: 's'}}]",
        "[{_id: 1}]", "[{_id: 1, s: [{_id: 1, n: 3}]}]")]
    public void Lookup_with_pipeline_and_let(string pipeline, string input, string expected)
    {
        var collections = new Dictionary<string, string> { ["stock"] = "[{_id: 1, item: 'a', warehouse: 'A', instock: 2}, {_id: 2, item: 'a', warehouse: 'B', instock: 9}, {_id: 3, item: 'b', warehouse: 'A', instock: 7}]" };
        Assert.Equal(Aggregate.Normalize(expected), Aggregate.Run(pipeline, input, collections));
    }

    [Theory]
    [InlineData("[{$lookup: {from: 'x', let: {A: 1}, pipeline: [], as: 'y'}}]", 16867, "'A' starts with an invalid character for a user variable name")]
    [InlineData("[{$lookup: {from: 'x', let: {a: 1}, localField: 'a', foreignField: 'b', as: 'y'}}]", 9, "$lookup with a 'let' argument must also specify 'pipeline'")]
    [InlineData("[{$lookup: {from: 'x', localField: 'a', as: 'y'}}]", 9, "$lookup requires either 'pipeline' or both 'localField' and 'foreignField' to be specified")]
    [InlineData("[{$lookup: {from: 'x', pipeline: {}, as: 'y'}}]", 9, "$lookup argument 'pipeline: {}' must be an array, is type object")]
    public void Invalid_lookups(string pipeline, int code, string message)
    {
        var error = Aggregate.Error(pipeline);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Match_expr_reads_let_variables_only_inside_lookup() =>
        Assert.Equal(17276, Aggregate.Error("[{$match: {$expr: {$eq: ['$$w', 1]}}}]").Code);

    [Theory]
    [InlineData("[{$replaceRoot: {newRoot: '$a'}}]", "[{_id: 1, a: {x: 1}}]", "[{x: 1}]")]
    [InlineData("[{$replaceWith: {n: '$_id'}}]", "[{_id: 1}]", "[{n: 1}]")]
    public void ReplaceRoot(string pipeline, string input, string expected) => AssertRuns(pipeline, input, expected);

    [Fact]
    public void Sort_is_stable_and_uses_mongodb_order() =>
        AssertRuns("[{$sort: {v: 1}}, {$project: {_id: 1}}]", "[{_id: 1, v: 'a'}, {_id: 2, v: 2}, {_id: 3}, {_id: 4, v: 1.5}, {_id: 5, v: null}]", "[{_id: 3}, {_id: 5}, {_id: 4}, {_id: 2}, {_id: 1}]");

    [Theory]
    [InlineData("[{$foo: {}}]", 40324, "Unrecognized pipeline stage name: '$foo'")]
    [InlineData("[{$match: {}, $limit: 1}]", 40323, "A pipeline stage specification object must contain exactly one field.")]
    [InlineData("[{$limit: 0}]", 15958, "the limit must be positive")]
    [InlineData("[{$limit: 'x'}]", 15957, "the limit must be specified as a number")]
    [InlineData("[{$skip: -1}]", 15956, "invalid argument to $skip stage: Expected a non-negative number in: $skip: -1")]
    [InlineData("[{$sort: {}}]", 15976, "$sort stage must have at least one sort key")]
    [InlineData("[{$group: {n: {$sum: 1}}}]", 15955, "a group specification must include an _id")]
    [InlineData("[{$group: {_id: null, n: {$foo: 1}}}]", 15952, "unknown group operator '$foo'")]
    [InlineData("[{$group: {_id: null, n: 1}}]", 40234, "The field 'n' must be an accumulator object")]
    [InlineData("[{$group: {_id: null, 'a.b': {$sum: 1}}}]", 40235, "The field name 'a.b' cannot contain '.'")]
    [InlineData("[{$count: ''}]", 40156, "the count field must be a non-empty string")]
    [InlineData("[{$count: '$n'}]", 40158, "the count field cannot be a $-prefixed path")]
    [InlineData("[{$unwind: 'a'}]", 28818, "path option to $unwind stage should be prefixed with a '$': a")]
    [InlineData("[{$unwind: {path: '$a', foo: 1}}]", 28811, "unrecognized option to $unwind stage: foo")]
    [InlineData("[{$unwind: {includeArrayIndex: 'i'}}]", 28812, "No path specified to $unwind stage")]
    [InlineData("[{$unset: ''}]", 40352, "FieldPath cannot be constructed with empty string")]
    [InlineData("[{$unset: []}]", 31119, "$unset specification must be a string or an array with at least one field")]
    [InlineData("[{$unset: [1]}]", 31120, "$unset specification must be a string or an array containing only string values")]
    [InlineData("[{$unset: 5}]", 31002, "$unset specification must be a string or an array")]
    [InlineData("[{$unset: {}}]", 31002, "$unset specification must be a string or an array")]
    [InlineData("[{$set: 'x'}]", 40272, "$set specification stage must be an object, got string")]
    [InlineData("[{$project: {}}]", 51272, "Invalid $project :: caused by :: projection specification must have at least one field")]
    [InlineData("[{$project: {a: 1, b: 0}}]", 31254, "Cannot do exclusion on field b in inclusion projection")]
    [InlineData("[{$lookup: {from: 'x', localField: 'a', foreignField: 'b'}}]", 9, "must specify 'as' field for a $lookup")]
    [InlineData("[{$lookup: {a: 1}}]", 9, "must specify 'pipeline' when 'from' is empty")]
    [InlineData("[{$lookup: {from: 'c', zz: 1}}]", 40415, "BSON field '$lookup.zz' is an unknown field.")]
    [InlineData("[{$replaceRoot: {}}]", 40414, "BSON field '$replaceRoot.newRoot' is missing but a required field")]
    [InlineData("[{$replaceRoot: {a: 1}}]", 40415, "BSON field '$replaceRoot.a' is an unknown field.")]
    [InlineData("[{$group: {a: 1}}]", 40234, "The field 'a' must be an accumulator object")]
    [InlineData("[{$match: 1}]", 15959, "the match filter must be an expression in an object")]
    [InlineData("[{$project: {a: {$foo: 1}}}]", 31325, "Unknown expression $foo")]
    [InlineData("[{$set: {a: {$foo: 1}}}]", 168, "Unrecognized expression '$foo'")]
    public void Invalid_stages_have_mongods_codes(string pipeline, int code, string message)
    {
        var error = Aggregate.Error(pipeline);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }
}
