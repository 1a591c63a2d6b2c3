namespace Tessera.Storage;

/// <summary>The MongoDB error codes storage raises, with their names from mongo's error_codes.yml.</summary>
public static class StorageErrorCodes
{
    public const int BadValue = 2;
    public const int IllegalOperation = 20;
    public const int NamespaceNotFound = 26;
    public const int IndexNotFound = 27;
    public const int CannotCreateIndex = 67;
    public const int InvalidOptions = 72;
    public const int IndexOptionsConflict = 85;
    public const int IndexKeySpecsConflict = 86;
    public const int CannotIndexParallelArrays = 171;
    public const int NonExistentPath = 29;
    public const int NamespaceExists = 48;
    public const int InvalidNamespace = 73;
    public const int DBPathInUse = 98;
    public const int DuplicateKey = 11000;
    public const int DatabaseDifferCase = 13297;
}
