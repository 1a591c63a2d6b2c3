using MongoDB.Bson;
using Tessera.Query.Updates;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class UpdateErrorTests
{
    [Theory]
    [InlineData("{$foo: {a: 1}}", 9, "Unknown modifier: $foo. Expected a valid update modifier or pipeline-style update specified as an array")]
    [InlineData("{$set: {a: 1}, b: 1}", 9, "Unknown modifier: b. Expected a valid update modifier or pipeline-style update specified as an array")]
    [InlineData("{$set: 1}", 9, "Modifiers operate on fields but we found type int instead. For example: {$mod: {<field>: ...}} not {$set: 1}")]
    [InlineData("{$set: {a: 1, 'a.b': 2}}", 40, "Updating the path 'a.b' would create a conflict at 'a'")]
    [InlineData("{$set: {'a.b': 1}, $inc: {a: 2}}", 40, "Updating the path 'a' would create a conflict at 'a'")]
    [InlineData("{$set: {a: 1}, $unset: {a: 1}}", 40, "Updating the path 'a' would create a conflict at 'a'")]
    [InlineData("{$set: {'a.$[]': 0, 'a.b': 0}}", 40, "Updating the path 'a.b' would create a conflict at 'a'")]
    [InlineData("{$set: {'a.$[]': 0, 'a.0': 0}}", 40, "Updating the path 'a.0' would create a conflict at 'a'")]
    [InlineData("{$rename: {a: 'b'}, $set: {b: 1}}", 40, "Updating the path 'b' would create a conflict at 'b'")]
    [InlineData("{$set: {'a..b': 1}}", 56, "The update path 'a..b' contains an empty field name, which is not allowed.")]
    [InlineData("{$set: {'': 1}}", 56, "An empty update path is not valid.")]
    // The first offender in document order wins (measured on mongod 8.2 by the secantus project).
    [InlineData("{$inc: {'': 1}, $set: {a: 1, 'a.b': 1}}", 56, "An empty update path is not valid.")]
    [InlineData("{$set: {a: 1, 'a.b': 1}, $inc: {'': 1}}", 40, "Updating the path 'a.b' would create a conflict at 'a'")]
    [InlineData("{$nope: {a: 1}, $set: {'': 1}}", 9, "Unknown modifier: $nope. Expected a valid update modifier or pipeline-style update specified as an array")]
    [InlineData("{$set: {'': 1}, z: 2}", 56, "An empty update path is not valid.")]
    [InlineData("{$inc: {a: 'x'}}", 14, "Cannot increment with non-numeric argument: {a: \"x\"}")]
    [InlineData("{$mul: {a: null}}", 14, "Cannot multiply with non-numeric argument: {a: null}")]
    [InlineData("{$pop: {a: 2}}", 9, "$pop expects 1 or -1, found: 2")]
    [InlineData("{$pop: {a: NumberDecimal('1E+2')}}", 9, "$pop expects 1 or -1, found: 100")]
    [InlineData("{$pop: {a: 'x'}}", 9, "Expected a number in: a: \"x\"")]
    [InlineData("{$pullAll: {a: 1}}", 2, "$pullAll requires an array argument but was given a int")]
    [InlineData("{$push: {a: {$each: 1}}}", 2, "The argument to $each in $push must be an array but it was of type: int")]
    [InlineData("{$addToSet: {a: {$each: 1}}}", 14, "The argument to $each in $addToSet must be an array but it was of type int")]
    [InlineData("{$push: {a: {$each: [], $foo: 1}}}", 2, "Unrecognized clause in $push: $foo")]
    [InlineData("{$push: {a: {$each: [], $slice: 'x'}}}", 2, "The value for $slice must be an integer value but was given type: string")]
    [InlineData("{$push: {a: {$each: [], $sort: 2}}}", 2, "The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields")]
    [InlineData("{$rename: {a: 1}}", 2, "The 'to' field for $rename must be a string: a: 1")]
    [InlineData("{$rename: {a: 'a'}}", 2, "The source and target field for $rename must differ: a: \"a\"")]
    [InlineData("{$rename: {a: 'a.b'}}", 2, "The source and target field for $rename must not be on the same path: a: \"a.b\"")]
    [InlineData("{$rename: {'a.$': 'b'}}", 2, "The source field for $rename may not be dynamic: a.$")]
    [InlineData("{$currentDate: {a: 1}}", 2, "int is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).")]
    [InlineData("{$currentDate: {a: {$type: 'x'}}}", 2, "The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}")]
    [InlineData("{$set: {'a.$.b.$': 1}}", 2, "Too many positional (i.e. '$') elements found in path 'a.$.b.$'")]
    [InlineData("{$bit: {a: 5}}", 2, "The $bit modifier is not compatible with a int. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}")]
    [InlineData("{$bit: {a: {not: 1}}}", 2, "The $bit modifier only supports 'and', 'or', and 'xor', not 'not' which is an unknown operator: {not: 1}")]
    [InlineData("{$bit: {a: {and: 1.0}}}", 2, "The $bit modifier field must be an Integer(32/64 bit); a 'double' is not supported here: {and: 1.0}")]
    [InlineData("{$pull: {a: {$foo: 1}}}", 2, "unknown top level operator: $foo. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.")]
    [InlineData("{$set: {'a.$[x]': 1}}", 2, "No array filter found for identifier 'x' in path 'a.$[x]'")]
    public void Invalid_updates_are_refused_when_parsed(string update, int code, string message)
    {
        var error = UpdateRunner.ParseError(update);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{$set: {a: 1}}", "[{x: 1}]", 9, "The array filter for identifier 'x' was not used in the update { $set: { a: 1 } }")]
    [InlineData("{$set: {'a.$[x]': 1}}", "[{x: 1}, {x: 2}]", 9, "Found multiple array filters with the same top-level field name x")]
    [InlineData("{$set: {'a.$[i]': 1}}", "[{$i: 1}]", 2, "unknown top level operator: $i. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.")]
    [InlineData("{$set: {'a.$[X]': 1}}", "[{X: 1}]", 2, "Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found 'X'")]
    public void Invalid_array_filters(string update, string arrayFilters, int code, string message)
    {
        var error = UpdateRunner.ParseError(update, arrayFilters);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: 'x'}", 14, "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type string")]
    [InlineData("{$mul: {a: 2}}", "{_id: 1, a: [1]}", 14, "Cannot apply $mul to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type array")]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: NumberLong('9223372036854775807')}", 2, "Failed to apply $inc operations to current value ((NumberLong)9223372036854775807) for document {_id: 1}")]
    [InlineData("{$set: {'a.b': 1}}", "{_id: 1, a: 1}", 28, "Cannot create field 'b' in element {a: 1}")]
    [InlineData("{$set: {'a.b': 1}}", "{_id: 1, a: [1, 2]}", 28, "Cannot create field 'b' in element {a: [ 1, 2 ]}")]
    [InlineData("{$set: {'a.b.c': 1}}", "{_id: 1, a: {b: null}}", 28, "Cannot create field 'c' in element {b: null}")]
    [InlineData("{$set: {_id: 2}}", "{_id: 1}", 66, "Performing an update on the path '_id' would modify the immutable field '_id'")]
    [InlineData("{$unset: {_id: 1}}", "{_id: 1}", 66, "Performing an update on the path '_id' would modify the immutable field '_id'")]
    [InlineData("{z: 2, $set: {a: 1}}", "{_id: 1}", 52, "The dollar ($) prefixed field '$set' in '$set' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.")]
    [InlineData("{_id: 2, a: 1}", "{_id: 1}", 66, "After applying the update, the (immutable) field '_id' was found to have been altered to _id: 2")]
    [InlineData("{$push: {a: 1}}", "{_id: 1, a: 1}", 2, "The field 'a' must be an array but is of type int in document {_id: 1}")]
    [InlineData("{$addToSet: {a: 1}}", "{_id: 1, a: 'x'}", 2, "Cannot apply $addToSet to non-array field. Field named 'a' has non-array type string")]
    [InlineData("{$bit: {a: {and: 1}}}", "{_id: 1, a: 'x'}", 2, "Cannot apply $bit to a value of non-integral type._id: 1 has the field a of non-integer type string")]
    [InlineData("{$pop: {a: 1}}", "{_id: 1, a: 'x'}", 14, "Path 'a' contains an element of non-array type 'string'")]
    [InlineData("{$pull: {a: 1}}", "{_id: 1, a: 'x'}", 2, "Cannot apply $pull to a non-array value")]
    [InlineData("{$set: {'a.$': 1}}", "{_id: 1, a: [1]}", 2, "The positional operator did not find the match needed from the query.")]
    [InlineData("{$set: {'a.$[].b': 1}}", "{_id: 1, a: [1]}", 28, "Cannot create field 'b' in element {0: 1}")]
    [InlineData("{$set: {'a.$[].b': 1}}", "{_id: 1}", 2, "The path 'a' must exist in the document in order to apply array updates.")]
    [InlineData("{$set: {'a.$[]': 1}}", "{_id: 1, a: {b: 1}}", 2, "Cannot apply array updates to non-array element a: { b: 1 }")]
    // From FerretDB's integration tests, checked against mongod.
    [InlineData("{$rename: {'v.foo': 'foo'}}", "{_id: 'array-documents-nested', v: [{foo: [{bar: 'hello'}, {bar: 'world'}]}]}", 28, "cannot use the part (v of v.foo) to traverse the element ({v: [ { foo: [ { bar: \"hello\" }, { bar: \"world\" } ] } ]})")]
    [InlineData("{$rename: {'v.-1': 'f'}}", "{_id: 'array-documents-nested', v: [{foo: [{bar: 'hello'}, {bar: 'world'}]}]}", 28, "cannot use the part (v of v.-1) to traverse the element ({v: [ { foo: [ { bar: \"hello\" }, { bar: \"world\" } ] } ]})")]
    [InlineData("{$rename: {'v.0.foo.0.bar.z': 'f'}}", "{_id: 'array-documents-nested', v: [{foo: [{bar: 'hello'}, {bar: 'world'}]}]}", 28, "cannot use the part (bar of v.0.foo.0.bar.z) to traverse the element ({bar: \"hello\"})")]
    [InlineData("{$inc: {'v.foo': 1}}", "{_id: 'array-documents-nested', v: [{foo: [{bar: 'hello'}, {bar: 'world'}]}]}", 28, "Cannot create field 'foo' in element {v: [ { foo: [ { bar: \"hello\" }, { bar: \"world\" } ] } ]}")]
    [InlineData("{$inc: {'v.0.foo.0.bar': 1}}", "{_id: 'array-documents-nested', v: [{foo: [{bar: 'hello'}, {bar: 'world'}]}]}", 14, "Cannot apply $inc to a value of non-numeric type. {_id: \"array-documents-nested\"} has the field 'bar' of non-numeric type string")]
    [InlineData("{$inc: {v: NumberLong('9223372036854775807')}}", "{_id: 'int32', v: 42}", 2, "Failed to apply $inc operations to current value ((NumberInt)42) for document {_id: \"int32\"}")]
    [InlineData("{$mul: {v: NumberLong('9223372036854775807')}}", "{_id: 'int64-max', v: NumberLong('9223372036854775807')}", 2, "Failed to apply $mul operations to current value ((NumberLong)9223372036854775807) for document {_id: \"int64-max\"}")]
    [InlineData("{$rename: {'a.0': 'b'}}", "{_id: 1, a: [1]}", 2, "The source field cannot be an array element, 'a.0' in doc with a: [ 1 ] has an array field called 'a'")]
    public void Invalid_applications_are_refused(string update, string document, int code, string message)
    {
        var error = UpdateRunner.ApplyError(update, document);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    // From mongod's jstests/core/update_arrayFilters.js: nested array update conflict detection.
    [Theory]
    [InlineData("{$set: {'a.$[i].b.$[k].c': 1, 'a.$[j].b.$[k].c': 2}}", "[{'i.x': 0}, {'j.x': 0}, {'k.y': 0}]",
        "{_id: 0, a: [{x: 0, b: [{y: 0, c: 0}]}, {x: 1, b: [{y: 0, c: 0}]}]}", "Update created a conflict at 'a.0.b.$[k].c'")]
    [InlineData("{$set: {'a.$[i].b.$[k].c': 1, 'a.$[j].b.$[m].c': 2}}", "[{'i.x': 0}, {'j.x': 0}, {'k.y': 0}, {'m.y': 0}]",
        "{_id: 0, a: [{x: 0, b: [{y: 0, c: 0}]}, {x: 1, b: [{y: 0, c: 0}, {y: 1, c: 0}]}]}", "Update created a conflict at 'a.0.b.0.c'")]
    public void Array_filters_that_meet_conflict(string update, string arrayFilters, string document, string message)
    {
        var error = Assert.Throws<QueryException>(() => UpdateRunner.Run(update, document, arrayFilters: arrayFilters));
        Assert.Equal(40, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{$set: {'a.$[i].b.$[k].c': 1, 'a.$[j].b.$[k].d': 1}}", "[{'i.x': 0}, {'j.x': 0}, {'k.y': 0}]",
        "{_id: 0, a: [{x: 0, b: [{y: 0, c: 0, d: 0}]}]}", "{_id: 0, a: [{x: 0, b: [{y: 0, c: 1, d: 1}]}]}")]
    [InlineData("{$set: {'a.$[i].b.$[k].c': 1, 'a.$[j].b.$[k].c': 2}}", "[{'i.x': 0}, {'j.x': 1}, {'k.y': 0}]",
        "{_id: 0, a: [{x: 0, b: [{y: 0, c: 0}]}, {x: 1, b: [{y: 0, c: 0}]}]}", "{_id: 0, a: [{x: 0, b: [{y: 0, c: 1}]}, {x: 1, b: [{y: 0, c: 2}]}]}")]
    [InlineData("{$set: {'a.$[].$[j]': 2}}", "[{j: 0}]", "{_id: 0, a: [[0, 1], [0, 1]]}", "{_id: 0, a: [[2, 1], [2, 1]]}")]
    [InlineData("{$set: {'a.$[i]': 2}}", "[{$or: [{i: 0}, {i: 3}]}]", "{_id: 0, a: [0, 1, 3]}", "{_id: 0, a: [2, 1, 2]}")]
    public void Array_filters_that_do_not_meet_apply(string update, string arrayFilters, string document, string expected) =>
        Assert.Equal(Json.Normalize(expected), Json.Of(UpdateRunner.Run(update, document, arrayFilters: arrayFilters).Document));

    [Fact]
    public void Setting_the_same_id_is_allowed()
    {
        var result = UpdateRunner.Run("{$set: {_id: 1, a: 2}}", "{_id: 1}");
        Assert.Equal(Json.Normalize("{_id: 1, a: 2}"), Json.Of(result.Document));
    }

    [Fact]
    public void The_stored_document_is_not_modified()
    {
        var original = Bson.Doc("{_id: 1, a: {b: [1]}}");
        Update.Parse(Bson.Doc("{$push: {'a.b': 2}}")).Apply(original);
        Assert.Equal(Bson.Doc("{_id: 1, a: {b: [1]}}"), original);
    }

    [Theory]
    [InlineData("{_id: 1}", "{_id: 1.0}", false)]
    [InlineData("{a: 1}", "{a: 1.0}", false)]
    [InlineData("{a: 1, b: 2}", "{b: 2, a: 1}", false)]
    [InlineData("{a: [1, {b: 'x'}]}", "{a: [1, {b: 'x'}]}", true)]
    public void Binary_equality_sees_types_and_order(string left, string right, bool equal) =>
        Assert.Equal(equal, Comparison.BinaryEquality.AreEqual(Bson.Doc(left), Bson.Doc(right)));

    [Fact]
    public void Binary_equality_tells_negative_zero_apart() =>
        Assert.False(Comparison.BinaryEquality.AreEqual(new BsonDouble(0.0), new BsonDouble(-0.0)));

    [Fact]
    public void Unknown_array_filter_identifier_refused_for_replacement()
    {
        var error = Assert.Throws<QueryException>(() => Update.Parse(new BsonDocument("a", 1), [Bson.Doc("{x: 1}")]));
        Assert.Equal(9, error.Code);
    }
}
