namespace Tessera.Storage;

/// <summary>
/// A storage failure a client can meet, carrying the MongoDB error code and code name the server
/// puts in its reply, so that drivers recognise it (a duplicate key is 11000 / DuplicateKey).
/// </summary>
public class StorageException : Exception
{
    public StorageException(int code, string codeName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        CodeName = codeName;
    }

    public int Code { get; }

    public string CodeName { get; }
}
