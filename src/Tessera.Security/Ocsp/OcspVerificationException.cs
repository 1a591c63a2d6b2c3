namespace Tessera.Security.Ocsp;

/// <summary>An OCSP response that cannot be trusted; <see cref="Failure"/> says which check refused it.</summary>
public sealed class OcspVerificationException : Exception
{
    public OcspVerificationException(OcspVerificationFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public OcspVerificationException()
    {
    }

    public OcspVerificationException(string message)
        : base(message)
    {
    }

    public OcspVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OcspVerificationFailure Failure { get; }
}
