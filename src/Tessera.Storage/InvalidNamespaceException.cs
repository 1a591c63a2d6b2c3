namespace Tessera.Storage;

/// <summary>A database or collection name MongoDB would refuse (InvalidNamespace, code 73).</summary>
public sealed class InvalidNamespaceException(string message)
    : StorageException(StorageErrorCodes.InvalidNamespace, "InvalidNamespace", message);
