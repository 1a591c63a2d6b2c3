namespace Tessera.Server.Configuration;

/// <summary><c>storage</c>: where the SQLite database lives.</summary>
public sealed record StorageOptions
{
    /// <summary>
    /// mongod defaults to /data/db, which needs root to create; Tessera keeps its data beside the working
    /// directory so a first start needs no preparation.
    /// </summary>
    public const string DefaultDbPath = "./data";

    public string DbPath { get; init; } = DefaultDbPath;
}
