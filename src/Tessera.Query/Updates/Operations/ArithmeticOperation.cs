using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates.Operations;

/// <summary>$inc and $mul with mongod's numeric promotion; a missing field starts at 0 (so $mul gives a typed 0).</summary>
internal sealed class ArithmeticOperation(string operatorName, UpdatePath path, BsonValue operand) : UpdateOperation(operatorName, path)
{
    private bool IsMultiply => OperatorName == "$mul";

    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        var existing = slot.Value;
        if (existing is null)
        {
            slot.Set(IsMultiply ? Arithmetic.Multiply(new BsonInt32(0), operand)! : operand);
            return;
        }

        if (!Numbers.IsNumber(existing))
        {
            throw new QueryException(ErrorCodes.TypeMismatch,
                $"Cannot apply {OperatorName} to a value of non-numeric type. {context.DocumentName} has the field '{slot.Name}' of non-numeric type {BsonTypeAliases.NameOf(existing.BsonType)}");
        }

        var result = IsMultiply ? Arithmetic.Multiply(existing, operand) : Arithmetic.Add(existing, operand);
        if (result is null)
        {
            var label = existing.BsonType == BsonType.Int32 ? "NumberInt" : "NumberLong";
            throw new QueryException(ErrorCodes.BadValue,
                $"Failed to apply {OperatorName} operations to current value (({label}){existing.ToInt64()}) for document {context.DocumentName}");
        }

        // mongod's SafeNum::isIdentical: the same type and an equal value is no change at all, so a stored
        // -0.0 stays -0.0 after $mul by a positive number (and 0.0 after $mul by -1).
        if (result.BsonType == existing.BsonType && Comparison.BsonValueComparer.Instance.Compare(result, existing) == 0)
        {
            return;
        }

        slot.Set(result);
    }
}
