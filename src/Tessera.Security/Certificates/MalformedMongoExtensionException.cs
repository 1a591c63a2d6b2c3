namespace Tessera.Security.Certificates;

/// <summary>
/// A mongoRoles or mongoClusterMembership extension whose DER mongod would refuse. mongod rejects the
/// peer's connection for it (InvalidSSLConfiguration), so the server maps this exception the same way.
/// </summary>
public sealed class MalformedMongoExtensionException : FormatException
{
    public MalformedMongoExtensionException()
    {
    }

    public MalformedMongoExtensionException(string message)
        : base(message)
    {
    }

    public MalformedMongoExtensionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MalformedMongoExtensionException(string extensionName, string extensionOid, string problem, Exception? innerException = null)
        : base($"Malformed {extensionName} certificate extension ({extensionOid}): {problem}", innerException)
    {
        ExtensionOid = extensionOid;
        Problem = problem;
    }

    /// <summary>The OID of the extension that failed to decode.</summary>
    public string? ExtensionOid { get; }

    /// <summary>What was wrong, in mongod's words where mongod has words for it.</summary>
    public string? Problem { get; }
}
