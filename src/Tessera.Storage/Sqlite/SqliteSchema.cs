namespace Tessera.Storage.Sqlite;

/// <summary>
/// The tables of a Tessera data file. Documents are clustered by (collection, encoded _id) in a
/// WITHOUT ROWID table, so SQLite's B-tree, comparing BLOBs with memcmp, keeps each collection in
/// MongoDB's _id order and a lookup by _id is one B-tree search. Secondary index entries are clustered the
/// same way by (index, encoded key, encoded _id). Version 2 added the two index tables (created on open).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Kept in PRAGMA user_version; raise it with every change to the tables below.</summary>
    public const long Version = 2;

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
        CREATE TABLE IF NOT EXISTS indexes (
            id            INTEGER PRIMARY KEY,
            collection_id INTEGER NOT NULL,
            name          TEXT NOT NULL,
            spec          BLOB NOT NULL,
            UNIQUE (collection_id, name)
        );
        CREATE TABLE IF NOT EXISTS index_entries (
            index_id INTEGER NOT NULL,
            key      BLOB NOT NULL,
            id_key   BLOB NOT NULL,
            PRIMARY KEY (index_id, key, id_key)
        ) WITHOUT ROWID;
        """;
}
