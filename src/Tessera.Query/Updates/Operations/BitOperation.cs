using MongoDB.Bson;
using Tessera.Query.Filters;

namespace Tessera.Query.Updates.Operations;

/// <summary>$bit: and/or/xor on int and long; a missing field starts at 0; the result is long when either side is.</summary>
internal sealed class BitOperation(UpdatePath path, IReadOnlyList<(string Operator, BsonValue Operand)> steps) : UpdateOperation("$bit", path)
{
    public static BitOperation Parse(UpdatePath path, BsonElement field)
    {
        if (field.Value is not BsonDocument operations)
        {
            throw new QueryException(ErrorCodes.BadValue,
                $"The $bit modifier is not compatible with a {BsonTypeAliases.NameOf(field.Value.BsonType)}. You must pass in an embedded document: {{$bit: {{field: {{and/or/xor: #}}}}");
        }

        var steps = new List<(string, BsonValue)>();
        foreach (var operation in operations)
        {
            if (operation.Name is not ("and" or "or" or "xor"))
            {
                throw new QueryException(ErrorCodes.BadValue,
                    $"The $bit modifier only supports 'and', 'or', and 'xor', not '{operation.Name}' which is an unknown operator: {{{MongoText.Element(operation.Name, operation.Value)}}}");
            }

            if (operation.Value.BsonType is not (BsonType.Int32 or BsonType.Int64))
            {
                throw new QueryException(ErrorCodes.BadValue,
                    $"The $bit modifier field must be an Integer(32/64 bit); a '{BsonTypeAliases.NameOf(operation.Value.BsonType)}' is not supported here: {{{MongoText.Element(operation.Name, operation.Value)}}}");
            }

            steps.Add((operation.Name, operation.Value));
        }

        if (steps.Count == 0)
        {
            throw new QueryException(ErrorCodes.BadValue, "You must pass in at least one bitwise operation. The format is: {$bit: {field: {and/or/xor: #}}");
        }

        return new BitOperation(path, steps);
    }

    protected override void Apply(UpdateSlot slot, UpdateContext context)
    {
        BsonValue current = slot.Value ?? new BsonInt32(0);
        if (current.BsonType is not (BsonType.Int32 or BsonType.Int64))
        {
            // mongod's wording: no space after the period, the _id element without braces, "non-integer".
            var id = context.Document.TryGetValue("_id", out var idValue) ? MongoText.Element("_id", idValue) : string.Empty;
            throw new QueryException(ErrorCodes.BadValue,
                $"Cannot apply $bit to a value of non-integral type.{id} has the field {slot.Name} of non-integer type {BsonTypeAliases.NameOf(current.BsonType)}");
        }

        foreach (var (op, operand) in steps)
        {
            var left = current.ToInt64();
            var right = operand.ToInt64();
            var result = op switch
            {
                "and" => left & right,
                "or" => left | right,
                _ => left ^ right,
            };
            current = current.BsonType == BsonType.Int32 && operand.BsonType == BsonType.Int32 ? new BsonInt32((int)result) : new BsonInt64(result);
        }

        slot.Set(current);
    }
}
