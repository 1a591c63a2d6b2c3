namespace Tessera.Query;

/// <summary>
/// An invalid query, projection, sort, update or pipeline, or an update that cannot be applied to a
/// document. Carries mongod's numeric code and code name so the server can answer exactly as mongod does.
/// </summary>
public sealed class QueryException : Exception
{
    public QueryException()
        : this(ErrorCodes.BadValue, "bad value")
    {
    }

    public QueryException(string message)
        : this(ErrorCodes.BadValue, message)
    {
    }

    public QueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.BadValue;
        CodeName = ErrorCodes.NameOf(Code);
    }

    public QueryException(int code, string message)
        : base(message)
    {
        Code = code;
        CodeName = ErrorCodes.NameOf(code);
    }

    /// <summary>mongod's error code, e.g. 2 for BadValue.</summary>
    public int Code { get; }

    /// <summary>mongod's code name, e.g. "BadValue"; "Location{code}" for codes that have no name.</summary>
    public string CodeName { get; }
}
