namespace Tessera.Security.Names;

/// <summary>A subject value that RFC 4518 preparation refuses (e.g. an unassigned or prohibited code point).</summary>
public sealed class NameNormalizationException : Exception
{
    public NameNormalizationException(string message)
        : base(message)
    {
    }

    public NameNormalizationException()
    {
    }

    public NameNormalizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
