namespace Tessera.Storage.Sqlite;

/// <summary>
/// The tables of a Tessera data file. Documents are clustered by (collection, encoded _id) in a
/// WITHOUT ROWID table, so SQLite's B-tree, comparing BLOBs with memcmp, keeps each collection in
/// MongoDB's _id order and a lookup by _id is one B-tree search.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Kept in PRAGMA user_version; raise it with every change to the tables below.</summary>
    public const long Version = 1;

    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS collections (
            id              INTEGER PRIMARY KEY,
            database_name   TEXT NOT NULL,
            collection_name TEXT NOT NULL,
            uuid            BLOB NOT NULL,
            options         BLOB NOT NULL,
            UNIQUE (database_name, collection_name)
        );
        CREATE TABLE IF NOT EXISTS documents (
            collection_id INTEGER NOT NULL,
            id_key        BLOB NOT NULL,
            document      BLOB NOT NULL,
            PRIMARY KEY (collection_id, id_key)
        ) WITHOUT ROWID;
        """;
}
