namespace Tessera.Security.Names;

/// <summary>A DN string that mongod's RFC 4514 parser would refuse, with mongod's error code and text.</summary>
public sealed class DistinguishedNameException : Exception
{
    public const int BadValue = 2;
    public const int Overflow = 51036;

    public DistinguishedNameException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public DistinguishedNameException()
    {
    }

    public DistinguishedNameException(string message)
        : base(message)
    {
        Code = BadValue;
    }

    public DistinguishedNameException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = BadValue;
    }

    /// <summary>2 (BadValue) for almost everything; 51036 when the string ends in the middle of an element.</summary>
    public int Code { get; } = BadValue;
}
