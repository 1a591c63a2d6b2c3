namespace Tessera.Storage.Keys;

/// <summary>The order of one component of a compound key, as in an index specification's 1 and -1.</summary>
public enum KeyDirection
{
    Ascending = 1,
    Descending = -1,
}
