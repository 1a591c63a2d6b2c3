using System.Text;

namespace Tessera.Storage;

/// <summary>
/// MongoDB's rules for database and collection names, checked before a name reaches the catalog so
/// that a data directory never holds a name mongod could not hold.
/// </summary>
public static class NamespaceRules
{
    /// <summary>mongod refuses database names of 64 bytes or more.</summary>
    public const int MaxDatabaseNameBytes = 63;

    /// <summary>The whole namespace "db.collection" is limited to 255 bytes since MongoDB 4.4.</summary>
    public const int MaxNamespaceBytes = 255;

    /// <summary>The characters mongod refuses in a database name on any platform (it refuses the Windows set everywhere).</summary>
    public const string DatabaseNameForbiddenCharacters = "/\\. \"$*<>:|?";

    /// <summary>
    /// Legacy names that contain '$' and are still MongoDB's own: the command pseudo-collection and the
    /// master/slave oplog. Every other collection name with '$' is refused, as mongod refuses it.
    /// </summary>
    private static readonly string[] SystemNamesWithDollar = ["$cmd", "oplog.$main"];

    public static void ValidateDatabaseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new InvalidNamespaceException("Database name cannot be empty.");
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidNamespaceException($"Database name '{Printable(name)}' contains a null character; remove it.");
        }

        var forbidden = name.IndexOfAny(DatabaseNameForbiddenCharacters.ToCharArray());
        if (forbidden >= 0)
        {
            throw new InvalidNamespaceException(
                $"Database name '{name}' contains '{name[forbidden]}'; database names cannot contain any of /\\. \"$*<>:|?.");
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxDatabaseNameBytes)
        {
            throw new InvalidNamespaceException(
                $"Database name '{name}' is {bytes} bytes long; database names are at most {MaxDatabaseNameBytes} bytes.");
        }
    }

    public static void ValidateCollectionName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new InvalidNamespaceException("Collection name cannot be empty.");
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidNamespaceException($"Collection name '{Printable(name)}' contains a null character; remove it.");
        }

        if (name[0] == '.')
        {
            throw new InvalidNamespaceException($"Collection name '{name}' starts with '.'; collection names cannot start with a dot.");
        }

        if (name.Contains('$', StringComparison.Ordinal) && !SystemNamesWithDollar.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidNamespaceException($"Collection name '{name}' contains '$'; collection names cannot contain '$'.");
        }
    }

    public static void ValidateNamespace(string databaseName, string collectionName)
    {
        ValidateDatabaseName(databaseName);
        ValidateCollectionName(collectionName);
        var bytes = Encoding.UTF8.GetByteCount(databaseName) + 1 + Encoding.UTF8.GetByteCount(collectionName);
        if (bytes > MaxNamespaceBytes)
        {
            throw new InvalidNamespaceException(
                $"Namespace '{databaseName}.{collectionName}' is {bytes} bytes long; a full namespace is at most {MaxNamespaceBytes} bytes.");
        }
    }

    private static string Printable(string name) => name.Replace("\0", "\\0", StringComparison.Ordinal);
}
