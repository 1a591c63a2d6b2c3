namespace Tessera.Storage.Sqlite;

/// <summary>A collection as the catalog knows it: its row id, which keys its documents, and its public description.</summary>
internal sealed record CatalogEntry(long Id, CollectionInfo Info);
