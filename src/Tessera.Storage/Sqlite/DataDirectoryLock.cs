namespace Tessera.Storage.Sqlite;

/// <summary>
/// An exclusive lock on a file in the data directory, held while the engine is open, so that two
/// servers never write one data set (mongod does the same with mongod.lock).
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "tessera.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    public static DataDirectoryLock Acquire(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.WriteLine(Environment.ProcessId);
            }

            file.Flush(flushToDisk: true);
            return new DataDirectoryLock(file);
        }
        catch (IOException e)
        {
            throw new StorageException(
                StorageErrorCodes.DBPathInUse,
                "DBPathInUse",
                $"Unable to lock {path}: another Tessera server is using the data directory {directory}. "
                + "Stop it, or give this one another --dbpath.",
                e);
        }
    }

    public void Dispose() => _file.Dispose();
}
