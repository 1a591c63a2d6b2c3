using MongoDB.Bson;

namespace Tessera.Query.Paths;

/// <summary>
/// One value a path reaches in a document for matching: <see cref="Value"/> is null when the path is
/// missing there; <see cref="ArrayIndex"/> is the position in the first array the path went through,
/// which is what the positional operator <c>$</c> refers to.
/// </summary>
internal readonly record struct PathCandidate(BsonValue? Value, int? ArrayIndex);
