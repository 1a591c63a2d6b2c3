using MongoDB.Bson;
using Tessera.Query.Expressions;
using Tessera.Query.Tests.Support;

namespace Tessera.Query.Tests;

public class ExpressionTests
{
    private const string Document = "{a: 2, b: 3, s: 'Hello', n: null, arr: [1, 2, 3], sub: {x: 1}, docs: [{v: 1}, {v: 2}, {w: 3}], d: ISODate('2024-01-01T00:00:00Z')}";

    /// <summary>Evaluates {r: expression} against the document; "missing" when the result is missing.</summary>
    private static string Evaluate(string expression)
    {
        var parsed = ExpressionParser.Parse(Bson.Value(expression));
        var result = parsed.Evaluate(new EvaluationContext(Bson.Doc(Document)));
        return result is null ? "missing" : Json.Of(new BsonDocument("r", result));
    }

    private static string Expected(string value) => value == "missing" ? value : Json.Of(new BsonDocument("r", Bson.Value(value)));

    [Theory]
    [InlineData("'$a'", "2")]
    [InlineData("'$sub.x'", "1")]
    [InlineData("'$nothing'", "missing")]
    [InlineData("'$docs.v'", "[1, 2]")]
    [InlineData("'$$ROOT.a'", "2")]
    [InlineData("'$$CURRENT.sub'", "{x: 1}")]
    [InlineData("5", "5")]
    [InlineData("'text'", "'text'")]
    [InlineData("{$literal: '$a'}", "'$a'")]
    [InlineData("{x: '$a', y: '$nothing'}", "{x: 2}")]
    [InlineData("['$a', '$nothing']", "[2, null]")]
    public void Paths_literals_documents_arrays(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    [Theory]
    [InlineData("{$add: ['$a', '$b']}", "5")]
    [InlineData("{$add: ['$a', 1.5]}", "3.5")]
    [InlineData("{$add: ['$a', NumberLong(1)]}", "NumberLong(3)")]
    [InlineData("{$add: [2147483647, 1]}", "NumberLong('2147483648')")]
    [InlineData("{$add: ['$a', NumberDecimal('0.1')]}", "NumberDecimal('2.1')")]
    [InlineData("{$add: [NumberDecimal('1'), 0.5]}", "NumberDecimal('1.500000000000000')")]
    [InlineData("{$add: [NumberDecimal('0'), 0.1]}", "NumberDecimal('0.100000000000000')")]
    [InlineData("{$add: [NumberDecimal('0'), 9.9999999999999999e22]}", "NumberDecimal('100000000000000000000000')")]
    [InlineData("{$multiply: [NumberDecimal('2'), 1.5e-10]}", "NumberDecimal('3.00000000000000E-10')")]
    [InlineData("{$add: ['$a', '$n']}", "null")]
    [InlineData("{$add: ['$a', '$nothing']}", "null")]
    [InlineData("{$add: ['$d', 1000]}", "ISODate('2024-01-01T00:00:01Z')")]
    [InlineData("{$subtract: ['$b', '$a']}", "1")]
    [InlineData("{$subtract: ['$d', ISODate('2023-12-31T00:00:00Z')]}", "NumberLong(86400000)")]
    [InlineData("{$multiply: ['$a', '$b', 2]}", "12")]
    [InlineData("{$divide: ['$b', '$a']}", "1.5")]
    [InlineData("{$divide: [6, 3]}", "2.0")]
    [InlineData("{$divide: [NumberDecimal('1'), 3]}", "NumberDecimal('0.3333333333333333333333333333333333')")]
    [InlineData("{$mod: [7, 3]}", "1")]
    [InlineData("{$divide: [NumberDecimal('2'), 3]}", "NumberDecimal('0.6666666666666666666666666666666667')")]
    [InlineData("{$add: [NumberDecimal('1.00'), NumberDecimal('2.5')]}", "NumberDecimal('3.50')")]
    [InlineData("{$multiply: [NumberDecimal('1.5'), NumberDecimal('1.5')]}", "NumberDecimal('2.25')")]
    [InlineData("{$subtract: [NumberDecimal('1'), NumberDecimal('0.1')]}", "NumberDecimal('0.9')")]
    [InlineData("{$add: [NumberDecimal('9999999999999999999999999999999999'), NumberDecimal('1')]}", "NumberDecimal('1.000000000000000000000000000000000E+34')")]
    [InlineData("{$multiply: [NumberDecimal('9E+6144'), 10]}", "NumberDecimal('Infinity')")]
    [InlineData("{$multiply: [NumberDecimal('1E-6176'), NumberDecimal('0.1')]}", "NumberDecimal('0E-6176')")]
    [InlineData("{$add: [NumberDecimal('Infinity'), NumberDecimal('-Infinity')]}", "NumberDecimal('NaN')")]
    [InlineData("{$divide: [NumberDecimal('6'), NumberDecimal('2')]}", "NumberDecimal('3')")]
    [InlineData("{$divide: [NumberDecimal('1'), NumberDecimal('4')]}", "NumberDecimal('0.25')")]
    [InlineData("{$abs: -3}", "3")]
    public void Arithmetic(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    [Theory]
    [InlineData("{$eq: ['$a', 2.0]}", "true")]
    [InlineData("{$eq: ['$nothing', null]}", "false")]
    [InlineData("{$ne: ['$a', 3]}", "true")]
    [InlineData("{$gt: ['$s', 5]}", "true")]
    [InlineData("{$lt: ['$nothing', null]}", "true")]
    [InlineData("{$gte: ['$a', 2]}", "true")]
    [InlineData("{$lte: ['$a', 1]}", "false")]
    [InlineData("{$cmp: ['$a', '$b']}", "-1")]
    [InlineData("{$and: ['$a', 0]}", "false")]
    [InlineData("{$and: []}", "true")]
    [InlineData("{$or: ['$n', '$a']}", "true")]
    [InlineData("{$not: ['$n']}", "true")]
    [InlineData("{$cond: [{$gt: ['$a', 1]}, 'big', 'small']}", "'big'")]
    [InlineData("{$cond: {if: '$n', then: 1, else: 0}}", "0")]
    [InlineData("{$ifNull: ['$n', '$nothing', 'default']}", "'default'")]
    [InlineData("{$ifNull: ['$a', 'default']}", "2")]
    public void Comparison_and_logic(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    [Theory]
    [InlineData("{$concat: ['$s', ' ', 'World']}", "'Hello World'")]
    [InlineData("{$concat: ['$s', '$n']}", "null")]
    [InlineData("{$toUpper: '$s'}", "'HELLO'")]
    [InlineData("{$toLower: '$s'}", "'hello'")]
    [InlineData("{$toUpper: '$n'}", "''")]
    [InlineData("{$toLower: 5}", "'5'")]
    [InlineData("{$toUpper: 'straße'}", "'STRAßE'")]
    [InlineData("{$size: '$arr'}", "3")]
    [InlineData("{$in: [2, '$arr']}", "true")]
    [InlineData("{$arrayElemAt: ['$arr', -1]}", "3")]
    [InlineData("{$arrayElemAt: ['$arr', 5]}", "missing")]
    [InlineData("{$isArray: '$arr'}", "true")]
    [InlineData("{$concatArrays: ['$arr', [4]]}", "[1, 2, 3, 4]")]
    [InlineData("{$type: '$nothing'}", "'missing'")]
    [InlineData("{$type: '$a'}", "'int'")]
    public void Strings_and_arrays(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    [Theory]
    [InlineData("{$let: {vars: {x: '$a', y: 10}, in: {$add: ['$$x', '$$y']}}}", "12")]
    [InlineData("{$map: {input: '$arr', in: {$multiply: ['$$this', 10]}}}", "[10, 20, 30]")]
    [InlineData("{$map: {input: '$arr', as: 'v', in: {$add: ['$$v', '$a']}}}", "[3, 4, 5]")]
    [InlineData("{$map: {input: '$nothing', in: 1}}", "null")]
    [InlineData("{$filter: {input: '$arr', cond: {$gte: ['$$this', 2]}}}", "[2, 3]")]
    [InlineData("{$filter: {input: '$arr', as: 'x', cond: {$gte: ['$$x', 2]}, limit: 1}}", "[2]")]
    [InlineData("{$filter: {input: '$docs', cond: '$$this.v'}}", "[{v: 1}, {v: 2}]")]
    [InlineData("{$reduce: {input: '$arr', initialValue: 0, in: {$add: ['$$value', '$$this']}}}", "6")]
    [InlineData("{$sum: '$arr'}", "6")]
    [InlineData("{$sum: ['$a', '$b', 's']}", "5")]
    [InlineData("{$avg: '$arr'}", "2.0")]
    [InlineData("{$max: ['$a', '$b', '$n']}", "3")]
    [InlineData("{$min: '$arr'}", "1")]
    [InlineData("{$mergeObjects: ['$sub', {y: 2}, '$n']}", "{x: 1, y: 2}")]
    [InlineData("{$slice: ['$arr', 2]}", "[1, 2]")]
    [InlineData("{$slice: ['$arr', -2]}", "[2, 3]")]
    [InlineData("{$slice: ['$arr', 1, 5]}", "[2, 3]")]
    [InlineData("{$slice: ['$arr', -5, 1]}", "[1]")]
    [InlineData("{$split: ['a-b-c', '-']}", "['a', 'b', 'c']")]
    [InlineData("{$substrCP: ['héllo', 1, 3]}", "'éll'")]
    [InlineData("{$strLenCP: 'héllo'}", "5")]
    [InlineData("{$toString: 2.0}", "'2'")]
    [InlineData("{$toString: '$d'}", "'2024-01-01T00:00:00.000Z'")]
    [InlineData("{$toString: '$nothing'}", "null")]
    public void Variables_and_more_operators(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    // mongod 8.2's answers as recorded by the SecantusDB project (tests/test_decimal128_arithmetic_rounding.py).
    [Theory]
    [InlineData("{$add: [NumberDecimal('2.5'), 1]}", "NumberDecimal('3.5')")]
    [InlineData("{$add: [NumberDecimal('2.50'), 2]}", "NumberDecimal('4.50')")]
    [InlineData("{$subtract: [NumberDecimal('2.5'), NumberDecimal('0.5')]}", "NumberDecimal('2.0')")]
    [InlineData("{$subtract: [1, NumberDecimal('2.5')]}", "NumberDecimal('-1.5')")]
    [InlineData("{$multiply: [NumberDecimal('2.5'), 2]}", "NumberDecimal('5.0')")]
    [InlineData("{$add: [NumberDecimal('1.000000000000000000000000000000001'), NumberDecimal('1')]}", "NumberDecimal('2.000000000000000000000000000000001')")]
    [InlineData("{$add: [NumberDecimal('1.5'), NumberDecimal('2.5'), 1]}", "NumberDecimal('5.0')")]
    [InlineData("{$add: [NumberDecimal('2.5'), 2.0]}", "NumberDecimal('4.50000000000000')")]
    [InlineData("{$multiply: [NumberDecimal('2.5'), 2.0]}", "NumberDecimal('5.000000000000000')")]
    [InlineData("{$add: [NumberDecimal('Infinity'), 1]}", "NumberDecimal('Infinity')")]
    [InlineData("{$add: [NumberDecimal('NaN'), 1]}", "NumberDecimal('NaN')")]
    [InlineData("{$sum: [[1, 2]]}", "3")]
    [InlineData("{$sum: [[1], [2]]}", "0")]
    [InlineData("{$max: [[1]]}", "1")]
    [InlineData("{$max: [[1], [2]]}", "[2]")]
    [InlineData("{$min: [[3], [1]]}", "[1]")]
    [InlineData("{$avg: [NumberLong('9007199254740993'), NumberLong('9007199254740995'), NumberLong('9007199254740997')]}", "9007199254740994.0")]
    [InlineData("{$avg: [NumberLong('9007199254740993'), NumberLong(1), NumberLong(1)]}", "3002399751580332.0")]
    [InlineData("{$avg: [NumberLong('9223372036854775807')]}", "9.223372036854776e18")]
    [InlineData("{$avg: [NumberLong('4611686018427387904'), NumberLong('4611686018427387903'), NumberLong('4611686018427387901')]}", "4.611686018427388e18")]
    [InlineData("{$avg: [NumberLong(10)]}", "10.0")]
    [InlineData("{$abs: NumberDecimal('-0')}", "NumberDecimal('0')")]
    [InlineData("{$cmp: [NaN, 5]}", "-1")]
    [InlineData("{$cmp: [NaN, -Infinity]}", "-1")]
    [InlineData("{$cmp: [NaN, NaN]}", "0")]
    [InlineData("{$eq: [NaN, NumberDecimal('NaN')]}", "true")]
    [InlineData("{$ne: [NumberDecimal('NaN'), NaN]}", "false")]
    [InlineData("{$lt: [NumberDecimal('NaN'), 0]}", "true")]
    [InlineData("{$gte: [NaN, 0]}", "false")]
    [InlineData("{$eq: [NaN, 0]}", "false")]
    [InlineData("{$eq: [true, 1]}", "false")]
    [InlineData("{$eq: [0.0, -0.0]}", "true")]
    [InlineData("{$cmp: [{$literal: MinKey}, 0]}", "-1")]
    [InlineData("{$cmp: [null, 0]}", "-1")]
    [InlineData("{$cmp: [{$literal: /a/i}, 0]}", "1")]
    [InlineData("{$gt: [{$literal: Timestamp(1, 1)}, 0]}", "true")]
    public void Decimal_and_comparison_as_mongod(string expression, string expected) => Assert.Equal(Expected(expected), Evaluate(expression));

    [Theory]
    [InlineData("{$foo: 1}", 168, "Unrecognized expression '$foo'")]
    [InlineData("{$subtract: [1]}", 16020, "Expression $subtract takes exactly 2 arguments. 1 were passed in.")]
    [InlineData("{$add: 1, $sub: 2}", 15983, null)]
    [InlineData("'$$nope'", 17276, "Use of undefined variable: nope")]
    [InlineData("{$add: ['$s', 1]}", 16554, "$add only supports numeric or date types, not string")]
    [InlineData("{$multiply: ['$s', 1]}", 16555, "$multiply only supports numeric types, not string")]
    [InlineData("{$subtract: ['$s', 1]}", 16556, "can't $subtract int from string")]
    [InlineData("{$divide: [1, 0]}", 2, "can't $divide by zero")]
    [InlineData("{$concat: ['$s', 1]}", 16702, "$concat only supports strings, not int")]
    [InlineData("{$size: '$s'}", 17124, "The argument to $size must be an array. Type of argument is string")]
    [InlineData("{$size: '$nothing'}", 17124, "The argument to $size must be an array. Type of argument is missing")]
    [InlineData("{$cond: {if: 1, then: 2}}", 17082, "Missing 'else' parameter to $cond")]
    [InlineData("{$cond: {if: 1, then: 2, else: 3, x: 4}}", 17083, "Unrecognized parameter to $cond: x")]
    [InlineData("{$map: {input: '$s', in: 1}}", 16883, "input to $map must be an array not string")]
    [InlineData("{$filter: {input: 5, cond: true}}", 28651, "input to $filter must be an array not int")]
    [InlineData("{$slice: ['$s', 1]}", 28724, "First argument to $slice must be an array, but is of type: string")]
    [InlineData("{$split: ['a', '']}", 40087, "$split requires a non-empty separator")]
    public void Errors(string expression, int code, string? message)
    {
        var error = Assert.Throws<QueryException>(() => Evaluate(expression));
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }
}
