namespace Tessera.Server.Commands;

/// <summary>MongoDB's error codes and names (src/mongo/base/error_codes.yml) that Tessera replies with.</summary>
public sealed record ErrorCode(int Code, string Name)
{
    public static readonly ErrorCode InternalError = new(1, "InternalError");
    public static readonly ErrorCode BadValue = new(2, "BadValue");
    public static readonly ErrorCode FailedToParse = new(9, "FailedToParse");
    public static readonly ErrorCode UserNotFound = new(11, "UserNotFound");
    public static readonly ErrorCode Unauthorized = new(13, "Unauthorized");
    public static readonly ErrorCode TypeMismatch = new(14, "TypeMismatch");
    public static readonly ErrorCode ProtocolError = new(17, "ProtocolError");
    public static readonly ErrorCode AuthenticationFailed = new(18, "AuthenticationFailed");
    public static readonly ErrorCode NamespaceNotFound = new(26, "NamespaceNotFound");
    public static readonly ErrorCode IndexNotFound = new(27, "IndexNotFound");
    public static readonly ErrorCode CursorNotFound = new(43, "CursorNotFound");
    public static readonly ErrorCode CursorInUse = new(292, "CursorInUse");
    public static readonly ErrorCode RoleNotFound = new(31, "RoleNotFound");
    public static readonly ErrorCode CommandNotFound = new(59, "CommandNotFound");
    public static readonly ErrorCode InvalidOptions = new(72, "InvalidOptions");
    public static readonly ErrorCode InvalidNamespace = new(73, "InvalidNamespace");
    public static readonly ErrorCode InvalidIndexSpecificationOption = new(197, "InvalidIndexSpecificationOption");
    public static readonly ErrorCode IllegalOperation = new(20, "IllegalOperation");
    public static readonly ErrorCode MechanismUnavailable = new(334, "MechanismUnavailable");
    public static readonly ErrorCode DuplicateKey = new(11000, "DuplicateKey");
    public static readonly ErrorCode Location51003 = new(51003, "Location51003");
    public static readonly ErrorCode Location51769 = new(51769, "Location51769");
    public static readonly ErrorCode ReauthenticationRefused = new(5626701, "Location5626701");
    public static readonly ErrorCode ReauthenticationOnOtherDatabase = new(5626702, "Location5626702");
}
