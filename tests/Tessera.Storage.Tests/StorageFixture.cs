using Tessera.Storage.Sqlite;

namespace Tessera.Storage.Tests;

/// <summary>A real engine on a real file in a fresh directory, for one test.</summary>
public sealed class StorageFixture : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public StorageFixture() => Engine = SqliteStorageEngine.Open(_directory.Path);

    public string DataDirectory => _directory.Path;

    public SqliteStorageEngine Engine { get; private set; }

    /// <summary>Closes the engine and opens the same directory again, as a restarted server would.</summary>
    public SqliteStorageEngine Reopen()
    {
        Engine.Dispose();
        Engine = SqliteStorageEngine.Open(_directory.Path);
        return Engine;
    }

    public void Dispose()
    {
        Engine.Dispose();
        _directory.Dispose();
    }
}
