namespace Tessera.Storage;

/// <summary>The collection to create exists already (MongoDB's NamespaceExists, code 48).</summary>
public sealed class NamespaceExistsException(NamespaceString ns)
    : StorageException(StorageErrorCodes.NamespaceExists, "NamespaceExists", $"Collection {ns} already exists.")
{
    public NamespaceString Namespace { get; } = ns;
}
