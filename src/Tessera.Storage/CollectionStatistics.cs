namespace Tessera.Storage;

/// <summary>How much a collection holds: what collStats and dbStats report.</summary>
/// <param name="Count">Documents.</param>
/// <param name="DataSize">The documents' BSON bytes.</param>
/// <param name="IndexSizes">Bytes of each index's entries by index name (the _id index: its keys).</param>
public sealed record CollectionStatistics(long Count, long DataSize, IReadOnlyDictionary<string, long> IndexSizes);
