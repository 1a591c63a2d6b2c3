using MongoDB.Bson;

namespace Tessera.Storage.Keys;

/// <summary>
/// One value of a compound key and its direction. A <c>null</c> <see cref="Value"/> stands for a
/// missing field, which MongoDB indexes and compares as null.
/// </summary>
public readonly record struct KeyComponent(BsonValue? Value, KeyDirection Direction = KeyDirection.Ascending);
