using MongoDB.Bson;

namespace Tessera.Query.Expressions;

/// <summary>$add $subtract $multiply $divide $mod $abs: null or missing operands give null.</summary>
internal static class ArithmeticOperators
{
    public static void Register(Dictionary<string, ExpressionOperators.Definition> table)
    {
        ExpressionOperators.Add(table, "$add", 0, int.MaxValue, (_, a) => AddAll(a));
        ExpressionOperators.Add(table, "$multiply", 0, int.MaxValue, (_, a) => MultiplyAll(a));
        ExpressionOperators.Add(table, "$subtract", 2, 2, (_, a) => Subtract(a[0], a[1]));
        ExpressionOperators.Add(table, "$divide", 2, 2, (_, a) => Divide(a[0], a[1]));
        ExpressionOperators.Add(table, "$mod", 2, 2, (_, a) => Mod(a[0], a[1]));
        ExpressionOperators.Add(table, "$abs", 1, 1, (_, a) => Abs(a[0]));
    }

    private static BsonValue AddAll(IReadOnlyList<BsonValue?> arguments)
    {
        BsonValue total = new BsonInt32(0);
        long? dateMillis = null;
        foreach (var argument in arguments)
        {
            if (ExpressionValues.IsNullish(argument))
            {
                return BsonNull.Value;
            }

            if (argument is BsonDateTime date)
            {
                if (dateMillis is not null)
                {
                    throw new QueryException(16612, "only one date allowed in an $add expression");
                }

                dateMillis = date.MillisecondsSinceEpoch;
                continue;
            }

            if (!Numbers.IsNumber(argument))
            {
                throw new QueryException(16554, $"$add only supports numeric or date types, not {TypeNames.Of(argument)}");
            }

            total = Arithmetic.AddOrPromote(total, argument!);
        }

        if (dateMillis is { } millis)
        {
            return new BsonDateTime(millis + RoundToLong(total));
        }

        return total;
    }

    private static long RoundToLong(BsonValue number) =>
        number.BsonType is BsonType.Int32 or BsonType.Int64 ? number.ToInt64() : (long)Math.Round(Numbers.ToDouble(number), MidpointRounding.ToEven);

    private static BsonValue MultiplyAll(IReadOnlyList<BsonValue?> arguments)
    {
        BsonValue product = new BsonInt32(1);
        foreach (var argument in arguments)
        {
            if (ExpressionValues.IsNullish(argument))
            {
                return BsonNull.Value;
            }

            if (!Numbers.IsNumber(argument))
            {
                throw new QueryException(16555, $"$multiply only supports numeric types, not {TypeNames.Of(argument)}");
            }

            product = Arithmetic.MultiplyOrPromote(product, argument!);
        }

        return product;
    }

    private static BsonValue Subtract(BsonValue? left, BsonValue? right)
    {
        if (ExpressionValues.IsNullish(left) || ExpressionValues.IsNullish(right))
        {
            return BsonNull.Value;
        }

        if (Numbers.IsNumber(left) && Numbers.IsNumber(right))
        {
            return Negated(right!) is { } negated ? Arithmetic.AddOrPromote(left!, negated) : new BsonDouble(Numbers.ToDouble(left!) - Numbers.ToDouble(right!));
        }

        if (left is BsonDateTime leftDate)
        {
            if (right is BsonDateTime rightDate)
            {
                return new BsonInt64(leftDate.MillisecondsSinceEpoch - rightDate.MillisecondsSinceEpoch);
            }

            if (Numbers.IsNumber(right))
            {
                return new BsonDateTime(leftDate.MillisecondsSinceEpoch - RoundToLong(right!));
            }
        }

        throw new QueryException(16556, $"can't $subtract {TypeNames.Of(right)} from {TypeNames.Of(left)}");
    }

    private static BsonValue? Negated(BsonValue number) => number.BsonType switch
    {
        BsonType.Int32 => number.AsInt32 == int.MinValue ? new BsonInt64(-(long)int.MinValue) : new BsonInt32(-number.AsInt32),
        BsonType.Int64 => number.AsInt64 == long.MinValue ? null : new BsonInt64(-number.AsInt64),
        BsonType.Double => new BsonDouble(-number.AsDouble),
        _ => new BsonDecimal128(Decimal128.Negate(number.AsDecimal128)),
    };

    private static BsonValue Divide(BsonValue? left, BsonValue? right)
    {
        if (ExpressionValues.IsNullish(left) || ExpressionValues.IsNullish(right))
        {
            return BsonNull.Value;
        }

        if (!Numbers.IsNumber(left) || !Numbers.IsNumber(right))
        {
            throw new QueryException(16609, $"$divide only supports numeric types, not {TypeNames.Of(left)} and {TypeNames.Of(right)}");
        }

        if (Numbers.ToDouble(right!) == 0)
        {
            throw new QueryException(2, "can't $divide by zero");
        }

        if (left!.BsonType == BsonType.Decimal128 || right!.BsonType == BsonType.Decimal128)
        {
            return new BsonDecimal128(DecimalArithmetic.Divide(Numbers.ToDecimal(left), Numbers.ToDecimal(right!)));
        }

        return new BsonDouble(Numbers.ToDouble(left) / Numbers.ToDouble(right));
    }

    private static BsonValue Mod(BsonValue? left, BsonValue? right)
    {
        if (ExpressionValues.IsNullish(left) || ExpressionValues.IsNullish(right))
        {
            return BsonNull.Value;
        }

        if (!Numbers.IsNumber(left) || !Numbers.IsNumber(right))
        {
            throw new QueryException(16611, $"$mod only supports numeric types, not {TypeNames.Of(left)} and {TypeNames.Of(right)}");
        }

        if (Numbers.ToDouble(right!) == 0)
        {
            throw new QueryException(16610, "can't $mod by zero");
        }

        if (left!.BsonType is BsonType.Int32 or BsonType.Int64 && right!.BsonType is BsonType.Int32 or BsonType.Int64)
        {
            var divisor = right.ToInt64();
            var result = divisor == -1 ? 0 : left.ToInt64() % divisor;
            return left.BsonType == BsonType.Int32 && right.BsonType == BsonType.Int32 ? new BsonInt32((int)result) : new BsonInt64(result);
        }

        return new BsonDouble(Numbers.ToDouble(left) % Numbers.ToDouble(right!));
    }

    private static BsonValue Abs(BsonValue? value)
    {
        if (ExpressionValues.IsNullish(value))
        {
            return BsonNull.Value;
        }

        return value!.BsonType switch
        {
            BsonType.Int32 => value.AsInt32 == int.MinValue ? new BsonInt64(-(long)int.MinValue) : new BsonInt32(Math.Abs(value.AsInt32)),
            BsonType.Int64 => value.AsInt64 == long.MinValue
                ? throw new QueryException(28680, "can't take $abs of long long min")
                : new BsonInt64(Math.Abs(value.AsInt64)),
            BsonType.Double => new BsonDouble(Math.Abs(value.AsDouble)),
            BsonType.Decimal128 => new BsonDecimal128(Decimal128.IsNegative(value.AsDecimal128) ? Decimal128.Negate(value.AsDecimal128) : value.AsDecimal128),
            _ => throw new QueryException(28765, $"$abs only supports numeric types, not {TypeNames.Of(value)}"),
        };
    }
}
